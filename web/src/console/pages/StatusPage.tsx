import { CheckCircleFilled, CloseCircleFilled, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckStatus, Readiness } from '../../api/types';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { useLanguage } from '../../shared/useLanguage';
import { RequirePermission } from '../components/RequirePermission';
import { formatDuration } from '../formatDuration';
import { useSystemStatus } from '../hooks/useSystemStatus';
import './status-page.css';

function StatusTag({ status }: { status: CheckStatus }) {
  const { t } = useTranslation();
  return status === 'ok' ? (
    <Tag color="success" icon={<CheckCircleFilled />}>
      {t('console.status.ok')}
    </Tag>
  ) : (
    <Tag color="error" icon={<CloseCircleFilled />}>
      {t('console.status.error')}
    </Tag>
  );
}

function MetricCard({ testId, title, value, extra, loading }: { testId: string; title: string; value: string; extra?: ReactNode; loading: boolean }) {
  return (
    <Card className="status-metric" data-testid={testId}>
      <Statistic title={title} value={value} loading={loading} styles={{ content: { fontSize: 24 } }} />
      {extra ? <div className="status-metric__extra">{extra}</div> : null}
    </Card>
  );
}

interface CheckRow {
  key: keyof Readiness['checks'];
  name: string;
  status: CheckStatus;
  details: string;
}

function ChecksTable({ readiness }: { readiness: Readiness }) {
  const { t } = useTranslation();
  const { database, migrations, jobs } = readiness.checks;
  const rows: CheckRow[] = [
    { key: 'database', name: t('console.status.database'), status: database.status, details: t(`console.status.kind.${database.kind}`) },
    {
      key: 'migrations',
      name: t('console.status.migrations'),
      status: migrations.status,
      details: t('console.status.migrationsDetail', { applied: migrations.applied, expected: migrations.expected }),
    },
    { key: 'jobs', name: t('console.status.jobs'), status: jobs.status, details: '—' },
  ];
  const columns: TableColumnsType<CheckRow> = [
    { title: t('console.status.check'), dataIndex: 'name', key: 'name' },
    { title: t('console.status.result'), dataIndex: 'status', key: 'status', render: (status: CheckStatus) => <StatusTag status={status} /> },
    { title: t('console.status.details'), dataIndex: 'details', key: 'details' },
  ];
  return <Table<CheckRow> data-testid="status-checks" columns={columns} dataSource={rows} pagination={false} size="middle" scroll={{ x: 'max-content' }} />;
}

function SystemStatus() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { health, readiness, refresh, isFetching, updatedAt } = useSystemStatus();
  useDocumentTitle(t('console.status.title'));

  const timeFormat = new Intl.DateTimeFormat(language, { timeStyle: 'medium' });
  // After a failed refresh TanStack keeps the last good answer; on a status page that would present
  // stale values as current, so a failing check shows its error instead of old numbers.
  const healthData = health.error ? undefined : health.data;
  const readinessData = readiness.error ? undefined : readiness.data;
  const healthLoading = health.isPending && health.fetchStatus !== 'idle';
  const readinessLoading = readiness.isPending && readiness.fetchStatus !== 'idle';

  return (
    <div className="status-page">
      <div className="status-page__header">
        <div className="status-page__heading">
          <Typography.Title level={2} className="status-page__title">
            {t('console.status.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" className="status-page__subtitle">
            {t('console.status.subtitle')}
          </Typography.Paragraph>
        </div>
        <div className="status-page__toolbar">
          {updatedAt > 0 ? (
            <Typography.Text type="secondary" data-testid="status-updated-at" aria-live="polite">
              {t('console.status.lastUpdated', { time: timeFormat.format(updatedAt) })}
            </Typography.Text>
          ) : null}
          <Button type="primary" icon={<ReloadOutlined />} loading={isFetching} onClick={() => void refresh()} data-testid="status-refresh">
            {t('console.status.refresh')}
          </Button>
        </div>
      </div>

      {readiness.error ? (
        <div className="status-page__block">
          <ErrorNotice error={readiness.error} onRetry={() => void readiness.refetch()} />
        </div>
      ) : null}
      {health.error ? (
        <div className="status-page__block">
          <ErrorNotice error={health.error} onRetry={() => void health.refetch()} />
        </div>
      ) : null}

      {readinessData ? (
        <Alert
          className="status-page__block"
          data-testid="status-readiness"
          data-status={readinessData.status}
          type={readinessData.status === 'ready' ? 'success' : 'error'}
          showIcon
          title={readinessData.status === 'ready' ? t('console.status.ready') : t('console.status.notReady')}
        />
      ) : readinessLoading ? (
        <Skeleton.Input active block className="status-page__block" />
      ) : null}

      <Row gutter={[16, 16]} className="status-page__block">
        <Col xs={24} sm={12} xl={6}>
          <MetricCard
            testId="status-version"
            title={t('console.status.version')}
            value={healthData?.version ?? '—'}
            loading={healthLoading}
            extra={healthData ? <StatusTag status={healthData.status === 'ok' ? 'ok' : 'error'} /> : null}
          />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <MetricCard
            testId="status-uptime"
            title={t('console.status.uptime')}
            value={healthData ? formatDuration(healthData.uptimeSeconds, language) : '—'}
            loading={healthLoading}
          />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <MetricCard
            testId="status-database"
            title={t('console.status.database')}
            value={readinessData ? t(`console.status.kind.${readinessData.checks.database.kind}`) : '—'}
            loading={readinessLoading}
            extra={readinessData ? <StatusTag status={readinessData.checks.database.status} /> : null}
          />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <MetricCard
            testId="status-migrations"
            title={t('console.status.migrations')}
            value={
              readinessData
                ? t('console.status.migrationsValue', {
                    applied: readinessData.checks.migrations.applied,
                    expected: readinessData.checks.migrations.expected,
                  })
                : '—'
            }
            loading={readinessLoading}
            extra={
              readinessData ? (
                <>
                  <StatusTag status={readinessData.checks.migrations.status} />
                  <Typography.Text type="secondary">{t('console.status.migrationsHint')}</Typography.Text>
                </>
              ) : null
            }
          />
        </Col>
      </Row>

      <Card title={t('console.status.checks')} className="status-page__block">
        {readinessData ? <ChecksTable readiness={readinessData} /> : <Skeleton active={readinessLoading} paragraph={{ rows: 3 }} title={false} />}
      </Card>
    </div>
  );
}

/** The console's first page, for every role that may read the system status. */
export function StatusPage() {
  return (
    <RequirePermission permission="system.status.read">
      <SystemStatus />
    </RequirePermission>
  );
}
