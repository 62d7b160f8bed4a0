import { Checkbox } from 'antd';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES } from '../staffRoles';
import './console-page.css';

interface RoleCheckboxesProps {
  value?: string[];
  onChange?: (roles: string[]) => void;
  testId: string;
}

/** One checkbox per role, none ticked in advance: each role is a deliberate grant. */
export function RoleCheckboxes({ value, onChange, testId }: RoleCheckboxesProps) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group
      className="role-checkboxes"
      data-testid={testId}
      value={value ?? []}
      onChange={(roles) => onChange?.(roles.map(String))}
      options={STAFF_ROLES.map((role) => ({ value: role, label: t(`console.roles.${role}`) }))}
    />
  );
}
