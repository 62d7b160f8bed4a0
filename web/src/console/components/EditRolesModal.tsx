import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/apiError';
import { queryKeys } from '../../api/queryKeys';
import { setStaffRoles } from '../../api/staff';
import type { StaffMember } from '../../api/types';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { RoleCheckboxes } from './RoleCheckboxes';

/** Replaces the roles of one staff member. Opened with key={member.id}, so it starts from that member's roles. */
export function EditRolesModal({ member, onClose }: { member: StaffMember; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [roles, setRoles] = useState<string[]>(member.roles);
  const [rolesError, setRolesError] = useState<string | undefined>(undefined);

  const save = useMutation({
    mutationFn: () => setStaffRoles(member.id, roles),
    onSuccess: () => {
      void message.success(t('console.staff.rolesSaved'));
      void queryClient.invalidateQueries({ queryKey: queryKeys.staffList });
      // Changing one's own roles changes what the console may show.
      void queryClient.invalidateQueries({ queryKey: queryKeys.consoleSession });
      onClose();
    },
  });

  // self_lockout: an administrator would remove their own administrator role.
  const saveError =
    save.error instanceof ApiError && save.error.code === 'self_lockout' ? (
      <Alert type="error" showIcon title={t('console.staff.ownAdminRole')} />
    ) : save.error ? (
      <ErrorNotice error={save.error} />
    ) : null;

  return (
    <Modal
      open
      title={t('console.staff.rolesTitle', { name: member.displayName })}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('console.staff.cancel')}
        </Button>,
        <Button
          key="save"
          type="primary"
          loading={save.isPending}
          data-testid="staff-roles-save"
          onClick={() => {
            if (roles.length === 0) {
              setRolesError(t('console.staff.rolesRequired'));
              return;
            }
            save.mutate();
          }}
        >
          {t('console.staff.rolesSave')}
        </Button>,
      ]}
    >
      <Form layout="vertical" requiredMark={false} className="staff-form">
        <Form.Item label={t('console.staff.roles')} validateStatus={rolesError ? 'error' : undefined} help={rolesError}>
          <RoleCheckboxes
            testId="staff-roles-edit"
            value={roles}
            onChange={(next) => {
              setRoles(next);
              setRolesError(undefined);
            }}
          />
        </Form.Item>
      </Form>
      {saveError}
    </Modal>
  );
}
