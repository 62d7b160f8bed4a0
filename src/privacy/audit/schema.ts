import { bigint, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { classify, notPersonal, pi } from '../catalogue/classify.ts';

export const auditActions = ['read', 'unmask', 'create', 'update', 'delete', 'export', 'disclose', 'login', 'refused'] as const;
export type AuditAction = (typeof auditActions)[number];

/**
 * The append-only, tamper-evident record of access to and changes of personal information (R-SEC-5).
 * Entries are spread over AUDIT_CHAINS independent hash chains, so concurrent writers wait only for
 * others on the same chain; each entry's hash covers its content and the previous hash of its chain.
 * UPDATE, DELETE and TRUNCATE are refused by triggers in the database itself.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    chain: integer('chain').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    action: text('action', { enum: auditActions }).notNull(),
    subjectId: text('subject_id'),
    record: text('record'),
    fields: text('fields').array().notNull(),
    purpose: text('purpose').notNull(),
    reason: text('reason'),
    requestId: text('request_id').notNull(),
    ip: text('ip'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.chain, table.seq] }),
    index('audit_log_subject_at_idx').on(table.subjectId, table.at),
    index('audit_log_actor_at_idx').on(table.actorId, table.at),
  ],
);

export type AuditEntry = typeof auditLog.$inferSelect;

const audit = { purposes: ['security', 'legal_obligation'], basis: 'legal_obligation', retention: 'audit_record_5_years', storedAs: 'plain' } as const;

classify(auditLog, {
  chain: notPersonal('chain number'),
  seq: notPersonal('sequence number'),
  at: pi({ category: 'activity.access_record', ...audit }),
  actorType: notPersonal('kind of actor'),
  actorId: pi({ category: 'identity.internal_id', ...audit }),
  action: notPersonal('kind of access'),
  subjectId: pi({ category: 'identity.internal_id', ...audit }),
  record: pi({ category: 'identity.internal_id', ...audit }),
  fields: notPersonal('names of fields, never their values'),
  purpose: notPersonal('declared purpose'),
  reason: pi({ category: 'activity.access_record', ...audit }),
  requestId: notPersonal('request identifier'),
  ip: pi({ category: 'network.ip', ...audit }),
  prevHash: notPersonal('hash'),
  hash: notPersonal('hash'),
});

/**
 * Signed snapshots of the head (last seq and hash) of every chain. Walking a chain proves nothing
 * about entries cut from its end; a checkpoint does: its heads must still be in the log, unchanged.
 */
export const auditCheckpoints = pgTable('audit_checkpoints', {
  id: text('id').primaryKey(),
  at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
  heads: text('heads').notNull(),
  signature: text('signature').notNull(),
});

classify(auditCheckpoints, {
  id: notPersonal('checkpoint identifier'),
  at: notPersonal('time of a system event'),
  heads: notPersonal('sequence numbers and hashes'),
  signature: notPersonal('signature'),
});

/** Unusual access to personal information (R-SEC-5), for the PI-protection officer to look into. */
export const accessAlerts = pgTable('access_alerts', {
  id: text('id').primaryKey(),
  kind: text('kind', { enum: ['bulk_read', 'off_hours'] }).notNull(),
  actorId: text('actor_id').notNull(),
  distinctSubjects: integer('distinct_subjects').notNull(),
  windowMinutes: integer('window_minutes').notNull(),
  raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
  acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
  acknowledgedBy: text('acknowledged_by'),
  note: text('note'),
});

const alertRecord = { purposes: ['security'], basis: 'legal_obligation', retention: 'audit_record_5_years', storedAs: 'plain' } as const;

classify(accessAlerts, {
  id: notPersonal('alert identifier'),
  kind: notPersonal('kind of alert'),
  actorId: pi({ category: 'identity.internal_id', ...alertRecord }),
  distinctSubjects: notPersonal('count'),
  windowMinutes: notPersonal('length of a window'),
  raisedAt: notPersonal('time of a system event'),
  acknowledgedAt: notPersonal('time of a system event'),
  acknowledgedBy: pi({ category: 'identity.internal_id', ...alertRecord }),
  note: pi({ category: 'activity.access_record', ...alertRecord }),
});
