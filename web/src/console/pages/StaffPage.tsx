import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryKeys';
import { disableStaff } from '../../api/staff';
import type { StaffMember } from '../../api/types';
import { describeError } from '../../shared/describeError';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { formatDateTime } from '../../shared/formatDateTime';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { useLanguage } from '../../shared/useLanguage';
import { ConsolePageHeader } from '../components/ConsolePageHeader';
import { CreateStaffModal } from '../components/CreateStaffModal';
import { EditRolesModal } from '../components/EditRolesModal';
import { RequirePermission } from '../components/RequirePermission';
import { RoleTags } from '../components/RoleTags';
import { useCurrentStaff } from '../hooks/useCurrentStaff';
import { useStaffList } from '../hooks/useStaffList';
import { hasPermission } from '../permissions';

function StaffAdministration() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const me = useCurrentStaff();
  const staff = useStaffList();
  const [isCreating, setIsCreating] = useState(false);
  const [editing, setEditing] = useState<StaffMember | null>(null);
  useDocumentTitle(t('console.staff.title'));

  const disable = useMutation({
    mutationFn: (member: StaffMember) => disableStaff(member.id),
    onSuccess: (_result, member) => {
      void message.success(t('console.staff.disabledDone', { name: member.displayName }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.staffList });
    },
    onError: (error) => {
      const { title, detail } = describeError(error, t);
      void message.error(detail || title);
    },
  });

  const canAssign = hasPermission(me, 'staff.assign_roles');
  const canDisable = hasPermission(me, 'staff.disable');

  const columns: TableColumnsType<StaffMember> = [
    {
      title: t('console.staff.username'),
      dataIndex: 'username',
      key: 'username',
      render: (username: string, member) => (
        <Space size={6}>
          <span className="staff-table__username">{username}</span>
          {member.id === me.id ? <Tag>{t('console.staff.you')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('console.staff.displayName'), dataIndex: 'displayName', key: 'displayName' },
    { title: t('console.staff.roles'), dataIndex: 'roles', key: 'roles', render: (roles: string[]) => <RoleTags roles={roles} /> },
    {
      title: t('console.staff.status'),
      dataIndex: 'status',
      key: 'status',
      render: (status: StaffMember['status']) =>
        status === 'active' ? <Tag color="success">{t('console.staff.active')}</Tag> : <Tag>{t('console.staff.disabled')}</Tag>,
    },
    {
      title: t('console.staff.totp'),
      dataIndex: 'hasTotp',
      key: 'hasTotp',
      render: (hasTotp: boolean) => (hasTotp ? <Tag color="blue">{t('console.staff.totpEnrolled')}</Tag> : <Tag color="orange">{t('console.staff.totpPending')}</Tag>),
    },
    {
      title: t('console.staff.lastSignIn'),
      dataIndex: 'lastSignInAt',
      key: 'lastSignInAt',
      render: (at: string | null) => (at ? formatDateTime(at, language) : t('console.staff.never')),
    },
    {
      title: t('console.staff.actions'),
      key: 'actions',
      render: (_value, member) =>
        member.status === 'disabled' ? null : (
          <Space size={4} wrap>
            {canAssign ? (
              <Button size="small" onClick={() => setEditing(member)} data-testid="staff-edit-roles">
                {t('console.staff.editRoles')}
              </Button>
            ) : null}
            {/* Administrators cannot disable themselves (the server refuses it too). */}
            {canDisable && member.id !== me.id ? (
              <Popconfirm
                title={t('console.staff.disableTitle', { name: member.displayName })}
                description={t('console.staff.disableBody')}
                okText={t('console.staff.disableOk')}
                cancelText={t('console.staff.cancel')}
                okButtonProps={{ danger: true, 'data-testid': 'staff-disable-confirm' }}
                onConfirm={() => disable.mutateAsync(member)}
              >
                <Button size="small" danger data-testid="staff-disable">
                  {t('console.staff.disable')}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        ),
    },
  ];

  return (
    <div className="console-page">
      <ConsolePageHeader
        title={t('console.staff.title')}
        subtitle={t('console.staff.subtitle')}
        testId="staff-title"
        actions={
          hasPermission(me, 'staff.create') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)} data-testid="staff-create">
              {t('console.staff.create')}
            </Button>
          ) : null
        }
      />
      <Card>
        {staff.isError ? (
          <ErrorNotice error={staff.error} onRetry={() => void staff.refetch()} />
        ) : (
          <Table<StaffMember>
            data-testid="staff-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={staff.data ?? []}
            loading={staff.isPending}
            pagination={false}
            scroll={{ x: 'max-content' }}
          />
        )}
      </Card>
      <CreateStaffModal open={isCreating} onClose={() => setIsCreating(false)} />
      {editing ? <EditRolesModal key={editing.id} member={editing} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}

/** Staff accounts and their roles, for those allowed to list them (administrators). */
export function StaffPage() {
  return (
    <RequirePermission permission="staff.list">
      <StaffAdministration />
    </RequirePermission>
  );
}
