import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { roleLabelKey } from '../staffRoles';
import './console-page.css';

export function RoleTags({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <span className="role-tags">
      {roles.map((role) => {
        const key = roleLabelKey(role);
        return (
          <Tag key={role} color={role === 'administrator' ? 'gold' : 'blue'} data-role={role}>
            {key ? t(key) : role}
          </Tag>
        );
      })}
    </span>
  );
}
