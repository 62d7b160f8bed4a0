import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import { newId } from '../../shared/ids.ts';
import { backgroundTasks, type BackgroundTask } from './schema.ts';

/**
 * The progress record of one piece of long-running work. A job creates it, reports as it goes and
 * finishes it; the console and the CLI read it with getTask while it runs.
 */
export async function createTask(db: DbOrTx, kind: string, total?: number): Promise<BackgroundTask> {
  const [task] = await db.insert(backgroundTasks).values({ id: newId('tsk'), kind, total: total ?? null }).returning();
  if (!task) throw new Error('insert returned no row');
  return task;
}

export async function reportProgress(db: DbOrTx, id: string, progress: { done: number; total?: number; note?: string }): Promise<void> {
  await db
    .update(backgroundTasks)
    .set({
      status: 'running',
      done: progress.done,
      ...(progress.total === undefined ? {} : { total: progress.total }),
      ...(progress.note === undefined ? {} : { note: progress.note }),
      startedAt: sql`coalesce(${backgroundTasks.startedAt}, now())`,
      updatedAt: sql`now()`,
    })
    .where(eq(backgroundTasks.id, id));
}

export async function finishTask(db: DbOrTx, id: string, outcome: { errorCode?: string; note?: string } = {}): Promise<void> {
  await db
    .update(backgroundTasks)
    .set({
      status: outcome.errorCode ? 'failed' : 'succeeded',
      errorCode: outcome.errorCode ?? null,
      ...(outcome.note === undefined ? {} : { note: outcome.note }),
      startedAt: sql`coalesce(${backgroundTasks.startedAt}, now())`,
      finishedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(eq(backgroundTasks.id, id));
}

export async function getTask(db: DbOrTx, id: string): Promise<BackgroundTask | undefined> {
  const [task] = await db.select().from(backgroundTasks).where(eq(backgroundTasks.id, id));
  return task;
}
