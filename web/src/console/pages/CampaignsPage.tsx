import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Progress, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignStatus } from '../../../../src/shared/marketing.ts';
import { sendCampaign, type Campaign } from '../../api/campaigns';
import { consoleMutationKey, queryKeys } from '../../api/queryKeys';
import { describeError } from '../../shared/describeError';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { formatDateTime } from '../../shared/formatDateTime';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { useLanguage } from '../../shared/useLanguage';
import { CampaignFormModal } from '../components/CampaignFormModal';
import { ConsolePageHeader } from '../components/ConsolePageHeader';
import { RequirePermission } from '../components/RequirePermission';
import { useCampaigns } from '../hooks/useCampaigns';
import { useCurrentStaff } from '../hooks/useCurrentStaff';
import { hasPermission } from '../permissions';
import '../components/privacy-pages.css';

const STATUS_COLOURS: Record<CampaignStatus, string> = { draft: 'default', queued: 'processing', sending: 'processing', sent: 'success', failed: 'error' };

function CampaignList() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const me = useCurrentStaff();
  const campaigns = useCampaigns();
  const canManage = hasPermission(me, 'marketing.campaigns.manage');
  const [isCreating, setCreating] = useState(false);
  useDocumentTitle(t('campaigns.title'));

  const send = useMutation({
    mutationKey: consoleMutationKey('campaign-send'),
    mutationFn: (campaign: Campaign) => sendCampaign(campaign.id),
    onSuccess: () => {
      void message.success(t('campaigns.sending'));
      void queryClient.invalidateQueries({ queryKey: queryKeys.campaigns });
    },
    onError: (error) => {
      const { title, detail } = describeError(error, t);
      void message.error(detail || title);
      void queryClient.invalidateQueries({ queryKey: queryKeys.campaigns });
    },
  });

  const columns: TableColumnsType<Campaign> = [
    {
      title: t('campaigns.campaign'),
      key: 'campaign',
      render: (_value, campaign) => (
        <span className="privacy-stack">
          <strong>{language === 'en' ? campaign.titleEn : campaign.titleZh}</strong>
          <span className="privacy-muted">{t(`campaigns.channels.${campaign.channel}`)}</span>
        </span>
      ),
    },
    {
      title: t('campaigns.status'),
      dataIndex: 'status',
      key: 'status',
      render: (status: CampaignStatus, campaign) => (
        <span className="privacy-stack">
          <Tag color={STATUS_COLOURS[status]} data-testid="campaign-status" data-status={status}>
            {t(`campaigns.statuses.${status}`)}
          </Tag>
          {campaign.errorCode ? <span className="privacy-muted">{t('campaigns.stopped', { code: campaign.errorCode })}</span> : null}
        </span>
      ),
    },
    {
      title: t('campaigns.progress'),
      key: 'progress',
      render: (_value, campaign) => {
        const progress = campaign.progress;
        if (!progress) return '—';
        const percent = progress.total ? Math.round((progress.done / progress.total) * 100) : progress.status === 'succeeded' ? 100 : 0;
        return (
          <span className="privacy-stack">
            <Progress percent={percent} size="small" status={campaign.status === 'failed' ? 'exception' : undefined} className="campaign-progress" />
            <span className="privacy-muted" data-testid="campaign-counts" data-sent={campaign.sentCount}>
              {t('campaigns.counts', { sent: campaign.sentCount, skipped: campaign.skippedCount, failed: campaign.failedCount })}
            </span>
          </span>
        );
      },
    },
    { title: t('campaigns.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: (at: string) => formatDateTime(at, language) },
    ...(canManage
      ? [
          {
            title: t('campaigns.actions'),
            key: 'actions',
            render: (_value: unknown, campaign: Campaign) =>
              campaign.status === 'draft' ? (
                <Popconfirm
                  title={t('campaigns.sendTitle')}
                  description={<span className="recipient-confirm">{t('campaigns.sendBody', { channel: t(`campaigns.channels.${campaign.channel}`) })}</span>}
                  okText={t('campaigns.sendOk')}
                  cancelText={t('campaigns.cancel')}
                  okButtonProps={{ 'data-testid': 'campaign-send-confirm' }}
                  onConfirm={() => send.mutateAsync(campaign).catch(() => undefined)}
                >
                  <Button size="small" type="primary" data-testid="campaign-send" loading={send.isPending && send.variables.id === campaign.id}>
                    {t('campaigns.send')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <div className="console-page">
      <ConsolePageHeader
        title={t('campaigns.title')}
        subtitle={t('campaigns.subtitle')}
        testId="campaigns-title"
        actions={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="campaign-create">
              {t('campaigns.create')}
            </Button>
          ) : null
        }
      />
      <Card>
        {campaigns.isError ? (
          <ErrorNotice error={campaigns.error} onRetry={() => void campaigns.refetch()} />
        ) : (
          <Table<Campaign>
            data-testid="campaigns-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={campaigns.data ?? []}
            loading={campaigns.isPending}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('campaigns.empty') }}
          />
        )}
      </Card>
      {isCreating ? <CampaignFormModal onClose={() => setCreating(false)} /> : null}
    </div>
  );
}

/** Marketing campaigns for operations: write, send as a job, follow the progress (R-USE-2). */
export function CampaignsPage() {
  return (
    <RequirePermission permission="marketing.campaigns.read">
      <CampaignList />
    </RequirePermission>
  );
}
