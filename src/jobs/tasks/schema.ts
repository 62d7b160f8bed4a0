import { check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { classify, notPersonal } from '../../privacy/catalogue/classify.ts';

export const taskStatuses = ['queued', 'running', 'succeeded', 'failed'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

/**
 * Progress of long-running work (imports, exports, key rotation, retention sweeps), readable by the
 * console and the CLI while the work runs in a job. Holds no personal information: `note` and
 * `errorCode` are machine codes and counts, never values from the data being processed.
 */
export const backgroundTasks = pgTable(
  'background_tasks',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    status: text('status', { enum: taskStatuses }).notNull().default('queued'),
    total: integer('total'),
    done: integer('done').notNull().default(0),
    note: text('note'),
    errorCode: text('error_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('background_tasks_kind_created_idx').on(table.kind, table.createdAt),
    check('background_tasks_done_not_negative', sql`${table.done} >= 0`),
    check('background_tasks_status_known', sql`${table.status} in ('queued', 'running', 'succeeded', 'failed')`),
  ],
);

export type BackgroundTask = typeof backgroundTasks.$inferSelect;

classify(backgroundTasks, {
  id: notPersonal('task identifier'),
  kind: notPersonal('kind of work'),
  status: notPersonal('state of the work'),
  total: notPersonal('count'),
  done: notPersonal('count'),
  note: notPersonal('machine code, never a value from the data processed'),
  errorCode: notPersonal('machine code'),
  createdAt: notPersonal('time of a system event'),
  startedAt: notPersonal('time of a system event'),
  finishedAt: notPersonal('time of a system event'),
  updatedAt: notPersonal('time of a system event'),
});
