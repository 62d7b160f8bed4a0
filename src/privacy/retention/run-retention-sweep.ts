import type { Db } from '../../db/types.ts';
import { createTask, finishTask, reportProgress } from '../../jobs/tasks/track-task.ts';
import type { Ctx } from '../access/context.ts';
import { sweepRetention, sweepRules, type SweepReport } from './sweep-retention.ts';

export const RETENTION_SWEEP_TASK = 'privacy.retention-sweep';

/**
 * One sweep as a tracked task: progress per table (done / total rules) and, in the note, the counts
 * so far — so the console and the CLI can show it while it runs and afterwards. The note holds table
 * names and numbers only.
 */
export async function runRetentionSweep(ctx: Ctx, db: Db, options: { dryRun: boolean; taskId?: string; onProgress?: (report: SweepReport) => void }): Promise<{ taskId: string; reports: SweepReport[] }> {
  const taskId = options.taskId ?? (await createTask(db, RETENTION_SWEEP_TASK, sweepRules.length)).id;
  const finished: SweepReport[] = [];
  // Progress writes run one after another and all land before the task is finished.
  let progressWrites = Promise.resolve();
  try {
    await reportProgress(db, taskId, { done: 0, total: sweepRules.length });
    const reports = await sweepRetention(ctx, db, {
      dryRun: options.dryRun,
      onProgress: (report) => {
        options.onProgress?.(report);
        const index = finished.findIndex((r) => r.table === report.table && r.rule === report.rule);
        if (index >= 0) finished[index] = report;
        else finished.push(report);
        const snapshot = { done: finished.length, note: JSON.stringify(finished) };
        progressWrites = progressWrites.then(() => reportProgress(db, taskId, snapshot));
      },
    });
    await progressWrites;
    await finishTask(db, taskId, { note: JSON.stringify(reports) });
    return { taskId, reports };
  } catch (error) {
    await progressWrites.catch(() => undefined);
    await finishTask(db, taskId, { errorCode: 'internal', note: JSON.stringify(finished) });
    throw error;
  }
}
