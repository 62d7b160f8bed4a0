import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { revokeCustomerSession } from '../../api/account';
import { queryKeys } from '../../api/queryKeys';
import type { CustomerSession } from '../../api/types';
import { describeError } from '../../shared/describeError';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { formatDateTime } from '../../shared/formatDateTime';
import { useLanguage } from '../../shared/useLanguage';
import { useCustomerSessions } from '../hooks/useAccount';
import { SignOutEverywhereButton } from './SignOutEverywhereButton';

/** Where the account is signed in, with a way to end any other session or all of them. */
export function SessionsCard() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const sessions = useCustomerSessions();

  const revoke = useMutation({
    mutationFn: revokeCustomerSession,
    onSuccess: () => {
      void message.success(t('account.sessions.revoked'));
      void queryClient.invalidateQueries({ queryKey: queryKeys.accountSessions });
    },
    onError: (error) => {
      const { title, detail } = describeError(error, t);
      void message.error(detail || title);
    },
  });

  const columns: TableColumnsType<CustomerSession> = [
    {
      title: t('account.sessions.device'),
      dataIndex: 'device',
      key: 'device',
      render: (device: string, session) => (
        <span className="sessions-table__device">
          {device}
          {session.isCurrent ? (
            <Tag color="blue" data-testid="session-current">
              {t('account.sessions.current')}
            </Tag>
          ) : null}
        </span>
      ),
    },
    {
      title: t('account.sessions.network'),
      dataIndex: 'network',
      key: 'network',
      render: (network: string | null) => network ?? t('account.sessions.unknownNetwork'),
    },
    {
      title: t('account.sessions.signedInAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      render: (at: string) => formatDateTime(at, language),
    },
    {
      title: t('account.sessions.lastSeen'),
      dataIndex: 'lastSeenAt',
      key: 'lastSeenAt',
      render: (at: string) => formatDateTime(at, language),
    },
    {
      title: t('account.sessions.actions'),
      key: 'actions',
      render: (_value, session) =>
        session.isCurrent ? null : (
          <Button
            size="small"
            danger
            data-testid="revoke-session"
            aria-label={t('account.sessions.revokeLabel', { device: session.device })}
            loading={revoke.isPending && revoke.variables === session.id}
            onClick={() => revoke.mutate(session.id)}
          >
            {t('account.sessions.revoke')}
          </Button>
        ),
    },
  ];

  return (
    <Card title={t('account.sessions.title')} className="account-card" extra={<SignOutEverywhereButton />}>
      <Typography.Paragraph type="secondary">{t('account.sessions.intro')}</Typography.Paragraph>
      {sessions.isError ? (
        <ErrorNotice error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <Table<CustomerSession>
          data-testid="sessions-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={sessions.data ?? []}
          loading={sessions.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      )}
    </Card>
  );
}
