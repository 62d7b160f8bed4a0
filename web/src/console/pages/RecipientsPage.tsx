import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consoleMutationKey, queryKeys } from '../../api/queryKeys';
import { setRecipientStatus } from '../../api/recipients';
import type { Recipient, RecipientStatus } from '../../api/types';
import { purposeKey, recipientTypeKey } from '../../privacy/privacyTerms';
import { useTerm } from '../../privacy/useTerm';
import { beijingToday } from '../../shared/beijingTime';
import { describeError } from '../../shared/describeError';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { useLanguage } from '../../shared/useLanguage';
import { agreementState, receivesData } from '../agreementState';
import { AgreementTag } from '../components/AgreementTag';
import { ConsolePageHeader } from '../components/ConsolePageHeader';
import { RecipientFormModal } from '../components/RecipientFormModal';
import { RequirePermission } from '../components/RequirePermission';
import { useCurrentStaff } from '../hooks/useCurrentStaff';
import { useDataMap } from '../hooks/useDataMap';
import { useRecipients } from '../hooks/useRecipients';
import { hasPermission } from '../permissions';
import '../components/privacy-pages.css';

/** The form is open for a new recipient (null) or an existing one. */
type Editing = { recipient: Recipient | null } | null;

function RecipientRegistry() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const term = useTerm();
  const queryClient = useQueryClient();
  const me = useCurrentStaff();
  const recipients = useRecipients();
  const canManage = hasPermission(me, 'recipients.manage');
  // Category names in words come from the data map, which every role that sees this page may read.
  const dataMap = useDataMap({ enabled: hasPermission(me, 'privacy.data_map.read') });
  const [editing, setEditing] = useState<Editing>(null);
  const today = beijingToday();
  useDocumentTitle(t('console.recipients.title'));

  const categoryName = (category: string) => {
    const entry = dataMap.data?.find((item) => item.category === category);
    return entry ? (language === 'en' ? entry.name.en : entry.name.zh) : category;
  };

  const changeStatus = useMutation({
    mutationKey: consoleMutationKey('recipient-status'),
    mutationFn: ({ recipient, status }: { recipient: Recipient; status: RecipientStatus }) => setRecipientStatus(recipient.id, status),
    onSuccess: (_result, { recipient, status }) => {
      void message.success(t(status === 'suspended' ? 'console.recipients.suspendDone' : 'console.recipients.resumeDone', { name: recipient.name }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.recipients });
    },
    onError: (error) => {
      const { title, detail } = describeError(error, t);
      void message.error(detail || title);
    },
  });

  const columns: TableColumnsType<Recipient> = [
    {
      title: t('console.recipients.nameAndType'),
      key: 'name',
      render: (_value, recipient) => (
        <span className="privacy-stack recipient-name">
          <strong>{recipient.name}</strong>
          <span className="privacy-muted">
            {term(recipientTypeKey, recipient.type)}
            {recipient.integration ? (
              <>
                {' · '}
                <span className="privacy-id" translate="no">
                  {recipient.integration}
                </span>
              </>
            ) : null}
          </span>
        </span>
      ),
    },
    {
      title: t('console.recipients.purposes'),
      dataIndex: 'purposes',
      key: 'purposes',
      render: (purposes: string[]) => (
        <span className="privacy-tags">
          {purposes.map((purpose) => (
            <Tag key={purpose}>{term(purposeKey, purpose)}</Tag>
          ))}
        </span>
      ),
    },
    {
      title: t('console.recipients.categories'),
      dataIndex: 'categories',
      key: 'categories',
      render: (categories: string[]) => (
        <span className="privacy-tags">
          {categories.map((category) => (
            <Tag key={category}>{categoryName(category)}</Tag>
          ))}
        </span>
      ),
    },
    {
      title: t('console.recipients.agreementColumn'),
      key: 'agreement',
      render: (_value, recipient) => (
        <span className="privacy-stack">
          <AgreementTag state={agreementState(recipient, today)} />
          {recipient.agreementReference ? <span translate="no">{recipient.agreementReference}</span> : <span className="privacy-muted">{t('console.recipients.noAgreement')}</span>}
          {recipient.agreementSignedOn ? (
            <span className="privacy-muted">
              {recipient.agreementExpiresOn
                ? t('console.recipients.agreementPeriod', { from: recipient.agreementSignedOn, to: recipient.agreementExpiresOn })
                : t('console.recipients.agreementOpenEnded', { from: recipient.agreementSignedOn })}
            </span>
          ) : null}
        </span>
      ),
    },
    {
      title: t('console.recipients.status'),
      dataIndex: 'status',
      key: 'status',
      render: (status: RecipientStatus, recipient) => (
        <span className="privacy-stack">
          {status === 'active' ? (
            <Tag color="success" data-testid="recipient-status" data-status={status}>
              {t('console.recipients.active')}
            </Tag>
          ) : (
            <Tag color="error" data-testid="recipient-status" data-status={status}>
              {t('console.recipients.suspended')}
            </Tag>
          )}
          {/* Said in words as well as in colour: this is what the two tags add up to. */}
          {receivesData(recipient, today) ? null : <span className="recipient-receives-nothing">{t('console.recipients.receivesNothing')}</span>}
        </span>
      ),
    },
    ...(canManage
      ? [
          {
            title: t('console.recipients.actions'),
            key: 'actions',
            render: (_value: unknown, recipient: Recipient) => {
              const suspending = recipient.status === 'active';
              return (
                <Space size={4} wrap className="recipient-actions">
                  <Button size="small" onClick={() => setEditing({ recipient })} data-testid="recipient-edit">
                    {t('console.recipients.edit')}
                  </Button>
                  <Popconfirm
                    title={t(suspending ? 'console.recipients.suspendTitle' : 'console.recipients.resumeTitle', { name: recipient.name })}
                    description={<span className="recipient-confirm">{t(suspending ? 'console.recipients.suspendBody' : 'console.recipients.resumeBody')}</span>}
                    okText={t(suspending ? 'console.recipients.suspend' : 'console.recipients.resume')}
                    cancelText={t('console.recipients.cancel')}
                    okButtonProps={{ danger: suspending, 'data-testid': 'recipient-status-confirm' }}
                    onConfirm={() => changeStatus.mutateAsync({ recipient, status: suspending ? 'suspended' : 'active' })}
                  >
                    <Button size="small" danger={suspending} data-testid={suspending ? 'recipient-suspend' : 'recipient-resume'}>
                      {t(suspending ? 'console.recipients.suspend' : 'console.recipients.resume')}
                    </Button>
                  </Popconfirm>
                </Space>
              );
            },
          },
        ]
      : []),
  ];

  return (
    <div className="console-page">
      <ConsolePageHeader
        title={t('console.recipients.title')}
        subtitle={t('console.recipients.subtitle')}
        testId="recipients-title"
        actions={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ recipient: null })} data-testid="recipient-create">
              {t('console.recipients.create')}
            </Button>
          ) : null
        }
      />
      <Card>
        {recipients.isError ? (
          <ErrorNotice error={recipients.error} onRetry={() => void recipients.refetch()} />
        ) : (
          <Table<Recipient>
            data-testid="recipients-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={recipients.data ?? []}
            loading={recipients.isPending}
            pagination={false}
            scroll={{ x: 'max-content' }}
            className="recipients-table"
            locale={{ emptyText: t('console.recipients.empty') }}
          />
        )}
      </Card>
      {editing ? <RecipientFormModal key={editing.recipient?.id ?? 'new'} recipient={editing.recipient} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}

/** The registry of third parties that may receive personal information, and their agreements. */
export function RecipientsPage() {
  return (
    <RequirePermission permission="recipients.read">
      <RecipientRegistry />
    </RequirePermission>
  );
}
