import { Card, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RetentionScheduleLine } from '../../api/types';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { useLanguage } from '../../shared/useLanguage';
import { ConsolePageHeader } from '../components/ConsolePageHeader';
import { LegalHoldsCard } from '../components/LegalHoldsCard';
import { RequirePermission } from '../components/RequirePermission';
import { useRetentionColumns } from '../components/retentionCells';
import { RetentionSweepPanel } from '../components/RetentionSweepPanel';
import { useCurrentStaff } from '../hooks/useCurrentStaff';
import { useRetentionSchedule } from '../hooks/useRetention';
import { hasPermission } from '../permissions';
import '../components/privacy-pages.css';
import '../components/retention.css';

function Retention() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const me = useCurrentStaff();
  const schedule = useRetentionSchedule();
  const shared = useRetentionColumns();
  useDocumentTitle(t('console.retention.title'));

  const columns: TableColumnsType<RetentionScheduleLine> = [
    shared.table,
    {
      title: t('console.retention.rule'),
      key: 'rule',
      render: (_value, line) => <span className="retention-rule">{language === 'en' ? line.ruleText.en : line.ruleText.zh}</span>,
    },
    shared.action,
    {
      title: t('console.retention.due'),
      dataIndex: 'due',
      key: 'due',
      align: 'right',
      render: (due: number) => (
        <span className={due > 0 ? 'retention-count retention-count--due' : 'retention-count'} data-testid="schedule-due">
          {due}
        </span>
      ),
    },
    {
      title: t('console.retention.held'),
      dataIndex: 'held',
      key: 'held',
      align: 'right',
      render: (held: number) => (
        <span className="retention-count" data-testid="schedule-held">
          {held}
        </span>
      ),
    },
  ];

  const due = schedule.data?.reduce((sum, line) => sum + line.due, 0);
  return (
    <div className="console-page">
      <ConsolePageHeader title={t('console.retention.title')} subtitle={t('console.retention.subtitle')} testId="retention-title" />
      <Card title={t('console.retention.scheduleTitle')} className="console-page__block retention-card">
        {hasPermission(me, 'retention.sweep.run') ? <RetentionSweepPanel due={due} /> : null}
        {schedule.isError ? (
          <ErrorNotice error={schedule.error} onRetry={() => void schedule.refetch()} />
        ) : (
          <>
            <p className="privacy-table-note">{t('console.retention.scheduleNote')}</p>
            <Table<RetentionScheduleLine>
              data-testid="schedule-table"
              rowKey={(line) => `${line.table}:${line.rule}`}
              size="middle"
              columns={columns}
              dataSource={schedule.data ?? []}
              loading={schedule.isPending || schedule.isFetching}
              pagination={false}
              scroll={{ x: 'max-content' }}
              className="retention-table"
              locale={{ emptyText: t('console.retention.scheduleEmpty') }}
            />
          </>
        )}
      </Card>
      <LegalHoldsCard canManage={hasPermission(me, 'retention.holds.manage')} />
    </div>
  );
}

/** Retention schedule, legal holds and the sweep, for the PI-protection officer (auditors read). */
export function RetentionPage() {
  return (
    <RequirePermission permission="retention.read">
      <Retention />
    </RequirePermission>
  );
}
