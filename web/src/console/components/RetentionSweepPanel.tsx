import { ClearOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Progress, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consoleMutationKey, queryKeys } from '../../api/queryKeys';
import { startRetentionSweep } from '../../api/retention';
import type { RetentionSweepProgress, RetentionSweepReport } from '../../api/types';
import { describeError } from '../../shared/describeError';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { isSweepFinished, useRetentionSweep } from '../hooks/useRetention';
import { useRetentionColumns } from './retentionCells';
import './privacy-pages.css';
import './retention.css';

function SweepResult({ progress }: { progress: RetentionSweepProgress }) {
  const { t } = useTranslation();
  const shared = useRetentionColumns();
  const columns: TableColumnsType<RetentionSweepReport> = [
    shared.table,
    shared.action,
    { title: t('console.retention.sweep.removed'), dataIndex: 'removed', key: 'removed', align: 'right', render: (removed: number) => <span data-testid="sweep-removed">{removed}</span> },
    { title: t('console.retention.held'), dataIndex: 'held', key: 'held', align: 'right', render: (held: number) => <span data-testid="sweep-held">{held}</span> },
  ];
  return (
    <Table<RetentionSweepReport>
      data-testid="sweep-result"
      rowKey={(report) => `${report.table}:${report.rule}`}
      size="small"
      columns={columns}
      dataSource={progress.reports}
      pagination={false}
      scroll={{ x: 'max-content' }}
    />
  );
}

const sum = (reports: RetentionSweepReport[], count: 'removed' | 'held') => reports.reduce((total, report) => total + report[count], 0);

/** Where the sweep stands: a bar of tables done, then what it did per table. */
function SweepProgress({ taskId, progress }: { taskId: string; progress: RetentionSweepProgress }) {
  const { t } = useTranslation();
  const total = progress.total ?? 0;
  const percent = total > 0 ? Math.round((progress.done / total) * 100) : 0;
  const isFinished = isSweepFinished(progress);
  return (
    <div className="retention-sweep__progress" data-testid="sweep-progress" data-task={taskId} data-status={progress.status} data-done={progress.done} data-total={progress.total ?? ''}>
      <Progress
        percent={progress.status === 'succeeded' ? 100 : percent}
        status={progress.status === 'failed' ? 'exception' : progress.status === 'succeeded' ? 'success' : 'active'}
        format={() => `${progress.done} / ${progress.total ?? '?'}`}
        aria-label={t('console.retention.sweep.progressLabel')}
      />
      {progress.status === 'failed' ? (
        <Alert type="error" showIcon title={t('console.retention.sweep.failed')} className="console-page__block" data-testid="sweep-status" />
      ) : (
        <Typography.Paragraph type="secondary" className="retention-sweep__status" data-testid="sweep-status">
          {progress.status === 'succeeded'
            ? t('console.retention.sweep.succeeded', { removed: sum(progress.reports, 'removed'), held: sum(progress.reports, 'held') })
            : t('console.retention.sweep.running', { done: progress.done, total: progress.total ?? '?' })}
        </Typography.Paragraph>
      )}
      {isFinished && progress.reports.length > 0 ? <SweepResult progress={progress} /> : null}
    </div>
  );
}

/**
 * "Run the sweep now": after a confirmation that says what will happen, starts the sweep, follows its
 * progress until it ends and then refreshes the schedule. Only for those who may run it.
 */
export function RetentionSweepPanel({ due }: { due: number | undefined }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const [taskId, setTaskId] = useState<string | null>(null);
  const sweep = useRetentionSweep(taskId);
  const isFinished = isSweepFinished(sweep.data);

  const start = useMutation({
    mutationKey: consoleMutationKey('retention-sweep'),
    mutationFn: startRetentionSweep,
    onSuccess: ({ taskId: started }) => setTaskId(started),
    onError: (error) => {
      const { title, detail } = describeError(error, t);
      void message.error(detail || title);
    },
  });

  // What was due is gone (or held) once the sweep has ended: ask for the schedule again.
  useEffect(() => {
    if (isFinished) void queryClient.invalidateQueries({ queryKey: queryKeys.retention });
  }, [isFinished, queryClient]);

  const confirm = () =>
    modal.confirm({
      title: t('console.retention.sweep.confirmTitle'),
      content: t('console.retention.sweep.confirmBody', { count: due ?? 0 }),
      okText: t('console.retention.sweep.confirm'),
      cancelText: t('console.retention.cancel'),
      okButtonProps: { danger: true, 'data-testid': 'sweep-confirm' },
      onOk: () => start.mutateAsync().catch(() => undefined),
    });

  const isRunning = start.isPending || (taskId !== null && !isFinished && !sweep.isError);
  return (
    <div className="retention-sweep console-page__block">
      <div className="retention-sweep__bar">
        <Typography.Paragraph type="secondary" className="retention-sweep__intro">
          {t('console.retention.sweep.intro')}
        </Typography.Paragraph>
        <Button type="primary" danger icon={<ClearOutlined />} loading={isRunning} onClick={confirm} data-testid="sweep-run">
          {t('console.retention.sweep.run')}
        </Button>
      </div>
      {sweep.isError ? <ErrorNotice error={sweep.error} onRetry={() => void sweep.refetch()} /> : null}
      {taskId && sweep.data ? <SweepProgress taskId={taskId} progress={sweep.data} /> : null}
    </div>
  );
}
