import { Button, Card, Space, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AccessAlert } from '../../api/types';
import { alertKindKey } from '../../privacy/privacyTerms';
import { useTerm } from '../../privacy/useTerm';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { formatDateTime } from '../../shared/formatDateTime';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { useLanguage } from '../../shared/useLanguage';
import type { AuditPageState } from '../auditPageState';
import { AcknowledgeAlertModal } from '../components/AcknowledgeAlertModal';
import { ConsolePageHeader } from '../components/ConsolePageHeader';
import { RequirePermission } from '../components/RequirePermission';
import { useCurrentStaff } from '../hooks/useCurrentStaff';
import { useAlerts } from '../hooks/useAlerts';
import { hasPermission } from '../permissions';
import '../components/privacy-pages.css';

function AccessAlerts() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const term = useTerm();
  const me = useCurrentStaff();
  const [showClosed, setShowClosed] = useState(false);
  const alerts = useAlerts(!showClosed);
  const [handling, setHandling] = useState<AccessAlert | null>(null);
  const canAcknowledge = hasPermission(me, 'alerts.acknowledge');
  const canReadAudit = hasPermission(me, 'audit.read');
  useDocumentTitle(t('console.alerts.title'));

  const columns: TableColumnsType<AccessAlert> = [
    {
      title: t('console.alerts.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (kind: string) => (
        <Tag color={kind === 'bulk_read' ? 'red' : 'orange'} data-kind={kind}>
          {term(alertKindKey, kind)}
        </Tag>
      ),
    },
    {
      title: t('console.alerts.staff'),
      dataIndex: 'actorId',
      key: 'actorId',
      render: (actorId: string) => (
        <span className="privacy-stack">
          <span className="privacy-id" translate="no">
            {actorId}
          </span>
          {canReadAudit ? (
            // The id travels in the router's state, not in the address.
            <Button size="small" type="link" className="privacy-link-button" onClick={() => void navigate('/console/audit', { state: { actorId } satisfies AuditPageState })}>
              {t('console.alerts.viewAudit')}
            </Button>
          ) : null}
        </span>
      ),
    },
    {
      title: t('console.alerts.description'),
      key: 'description',
      render: (_value, alert) => (
        <span className="alert-description">
          {alert.kind === 'bulk_read' ? t('console.alerts.bulkRead', { count: alert.distinctSubjects, window: alert.windowMinutes }) : t('console.alerts.offHours')}
        </span>
      ),
    },
    { title: t('console.alerts.raisedAt'), dataIndex: 'raisedAt', key: 'raisedAt', render: (at: string) => formatDateTime(at, language) },
    {
      title: t('console.alerts.status'),
      key: 'status',
      render: (_value, alert) =>
        alert.acknowledgedAt ? (
          <span className="privacy-stack">
            <Tag data-testid="alert-status" data-status="closed">
              {t('console.alerts.closed')}
            </Tag>
            <span className="privacy-muted">{t('console.alerts.closedBy', { staff: alert.acknowledgedBy ?? '—', time: formatDateTime(alert.acknowledgedAt, language) })}</span>
            {alert.note ? <Typography.Paragraph className="alert-note">{alert.note}</Typography.Paragraph> : null}
          </span>
        ) : (
          <Tag color="error" data-testid="alert-status" data-status="open">
            {t('console.alerts.open')}
          </Tag>
        ),
    },
    ...(canAcknowledge
      ? [
          {
            title: t('console.alerts.actions'),
            key: 'actions',
            render: (_value: unknown, alert: AccessAlert) =>
              alert.acknowledgedAt ? null : (
                <Button size="small" type="primary" onClick={() => setHandling(alert)} data-testid="alert-acknowledge">
                  {t('console.alerts.acknowledge')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <div className="console-page">
      <ConsolePageHeader
        title={t('console.alerts.title')}
        subtitle={t('console.alerts.subtitle')}
        testId="alerts-title"
        actions={
          <label className="alerts-switch">
            <Space size={8}>
              <Switch checked={showClosed} onChange={setShowClosed} data-testid="alerts-show-closed" />
              {t('console.alerts.showClosed')}
            </Space>
          </label>
        }
      />
      <Card>
        {alerts.isError ? (
          <ErrorNotice error={alerts.error} onRetry={() => void alerts.refetch()} />
        ) : (
          <Table<AccessAlert>
            data-testid="alerts-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={alerts.data ?? []}
            loading={alerts.isPending || alerts.isPlaceholderData}
            pagination={false}
            scroll={{ x: 'max-content' }}
            className="alerts-table"
            locale={{ emptyText: showClosed ? t('console.alerts.emptyAll') : t('console.alerts.emptyOpen') }}
          />
        )}
      </Card>
      {handling ? <AcknowledgeAlertModal key={handling.id} alert={handling} onClose={() => setHandling(null)} /> : null}
    </div>
  );
}

/** Unusual access to personal information, for the PI-protection officer to check and close. */
export function AlertsPage() {
  return (
    <RequirePermission permission="alerts.read">
      <AccessAlerts />
    </RequirePermission>
  );
}
