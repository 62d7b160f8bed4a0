import { desc, eq, sql } from 'drizzle-orm';
import { compiledQuery, placeholders } from '../../db/compiled-query.ts';
import type { Db, DbOrTx } from '../../db/types.ts';
import type { Ctx } from '../access/context.ts';
import { scrubText } from '../redaction/scrub.ts';
import { checkAccessPattern } from './access-alerts.ts';
import { entryHash, GENESIS_HASH, type HashedContent } from './audit-hash.ts';
import { auditLog, type AuditAction } from './schema.ts';

/** Independent chains: appends to different chains never wait for each other. */
export const AUDIT_CHAINS = 16;
// Advisory-lock keys of the chains: a range no other lock of the application uses.
const CHAIN_LOCK_BASE = 724_772_000;
const MAX_BATCH = 1000;
// Batches written at once (each on its own chain); more would only queue for connections.
const MAX_FLUSHES_IN_FLIGHT = 4;

export interface AuditEvent {
  action: AuditAction;
  /** The person whose information it is (cus_…), when there is one. */
  subjectId?: string | null;
  /** What was touched: `customers/cus_…`. */
  record?: string | null;
  fields?: string[];
}

type Pending = { content: Omit<HashedContent, 'chain' | 'seq'>; ctx: Ctx; resolve: () => void; reject: (error: unknown) => void };

/**
 * Appends one entry to the audit log and resolves once it is committed. Outside a transaction,
 * entries from concurrent requests are group-committed: collected for a moment and written in one
 * transaction per chain, so throughput does not hinge on one lock or one round trip per entry. Inside
 * a caller's transaction the entry commits or rolls back with the caller's change (e.g. a deletion).
 * Who, purpose, reason, request and IP come from the Ctx: the log cannot say less than the context knew.
 */
export async function recordAudit(db: DbOrTx, ctx: Ctx, event: AuditEvent): Promise<void> {
  const content = contentOf(ctx, event);
  if (isTransaction(db)) {
    await appendInTransaction(db, content);
    if (event.action === 'read' || event.action === 'unmask') await checkAccessPattern(db, ctx);
    return;
  }
  await new Promise<void>((resolve, reject) => writerOf(db).enqueue({ content, ctx, resolve, reject }));
}

function contentOf(ctx: Ctx, event: AuditEvent): Omit<HashedContent, 'chain' | 'seq'> {
  const actor = ctx.actor;
  return {
    // Millisecond precision, as stored: the hash must be recomputable from the row.
    at: new Date().toISOString(),
    actorType: actor.type,
    actorId: actor.type === 'anonymous' ? null : actor.type === 'system' ? actor.job : actor.id,
    action: event.action,
    subjectId: event.subjectId ?? null,
    record: event.record ?? null,
    fields: event.fields ?? [],
    purpose: ctx.purpose,
    // A reason says why, not whom: PI typed into it (a phone number, an ID number) is not kept.
    reason: ctx.reason === undefined ? null : scrubText(ctx.reason),
    requestId: ctx.requestId,
    ip: ctx.ip,
  };
}

function isTransaction(db: DbOrTx): boolean {
  return 'rollback' in db;
}

function randomChain(): number {
  return Math.floor(Math.random() * AUDIT_CHAINS);
}

/** The last entry of a chain whose lock the transaction holds. */
interface ChainTail {
  chain: number;
  seq: number;
  hash: string;
}

// Per caller's transaction: the tail of the chain it appended to, once it holds that chain's lock.
// No other session can append to the chain until the transaction ends, and a transaction that fails
// can run nothing more, so the tail stays true: a use case writing three entries takes the lock and
// reads the tail once, then only inserts. Appends of one transaction also run one after another.
const transactionTails = new WeakMap<object, Promise<ChainTail | null>>();

async function appendInTransaction(tx: DbOrTx, content: Omit<HashedContent, 'chain' | 'seq'>): Promise<void> {
  const appended = (transactionTails.get(tx) ?? Promise.resolve(null)).catch(() => null).then((tail) => appendBatch(tx, tail ?? randomChain(), [content]));
  transactionTails.set(tx, appended);
  await appended;
}

/**
 * Writes entries to the end of one chain in the given transaction: under the chain's lock, taken
 * here with the tail read, unless the transaction already holds it and knows the tail.
 */
async function appendBatch(tx: DbOrTx, chainOrTail: number | ChainTail, contents: Array<Omit<HashedContent, 'chain' | 'seq'>>): Promise<ChainTail> {
  const chain = typeof chainOrTail === 'number' ? chainOrTail : chainOrTail.chain;
  const last = typeof chainOrTail === 'number' ? await lockChain(tx, chain) : chainOrTail;
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = contents.map((content) => {
    seq += 1;
    const full = { ...content, chain, seq };
    const hash = entryHash(prevHash, full);
    const row = { ...full, action: full.action as AuditAction, at: new Date(full.at), prevHash, hash };
    prevHash = hash;
    return row;
  });
  // One entry, as a use case's transaction writes them, by the statement built once; a batch by Drizzle.
  if (rows.length === 1) await insertEntry(tx, rows[0] as (typeof rows)[number]);
  else await tx.insert(auditLog).values(rows);
  return { chain, seq, hash: prevHash };
}

async function lockChain(tx: DbOrTx, chain: number): Promise<{ seq: number; hash: string } | undefined> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK_BASE + chain})`);
  const [last] = await chainTail(tx, { chain });
  return last;
}

// Every audited use case sends these two (compiled-query.ts): built once, not per entry.
const chainTail = compiledQuery((db) =>
  db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).where(eq(auditLog.chain, sql.placeholder('chain'))).orderBy(desc(auditLog.seq)).limit(1),
);
const insertEntry = compiledQuery((db) =>
  db.insert(auditLog).values(
    placeholders('chain', 'seq', 'at', 'actorType', 'actorId', 'action', 'subjectId', 'record', 'fields', 'purpose', 'reason', 'requestId', 'ip', 'prevHash', 'hash'),
  ),
);

const writers = new WeakMap<object, AuditWriter>();

function writerOf(db: Db): AuditWriter {
  let writer = writers.get(db);
  if (!writer) {
    writer = new AuditWriter(db);
    writers.set(db, writer);
  }
  return writer;
}

/** Group commit of audit entries for one database handle. */
class AuditWriter {
  private queue: Pending[] = [];
  private inFlight = 0;
  private nextChain = randomChain();

  constructor(private readonly db: Db) {}

  enqueue(pending: Pending): void {
    this.queue.push(pending);
    this.pump();
  }

  private pump(): void {
    while (this.queue.length > 0 && this.inFlight < MAX_FLUSHES_IN_FLIGHT) {
      const batch = this.queue.splice(0, MAX_BATCH);
      this.inFlight += 1;
      const chain = this.nextChain;
      this.nextChain = (this.nextChain + 1) % AUDIT_CHAINS;
      void this.flush(chain, batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private async flush(chain: number, batch: Pending[]): Promise<void> {
    try {
      await this.db.transaction((tx) => appendBatch(tx, chain, batch.map((p) => p.content)));
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    // Unusual-access checks once per staff member of the batch, not once per entry.
    const readers = new Map<string, Ctx>();
    for (const pending of batch) {
      const isRead = pending.content.action === 'read' || pending.content.action === 'unmask';
      if (isRead && pending.ctx.actor.type === 'staff') readers.set(pending.ctx.actor.id, pending.ctx);
    }
    try {
      for (const ctx of readers.values()) await checkAccessPattern(this.db, ctx);
    } finally {
      for (const pending of batch) pending.resolve();
    }
  }
}
