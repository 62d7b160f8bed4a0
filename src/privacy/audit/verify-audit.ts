import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import { entryHash, GENESIS_HASH } from './audit-hash.ts';
import { checkLatestCheckpoint } from './checkpoint-audit.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { AUDIT_CHAINS } from './record-audit.ts';

export interface AuditProblem {
  chain: number;
  seq: number;
  kind: 'altered' | 'missing' | 'reordered' | 'truncated' | 'checkpoint_forged';
}

export interface AuditVerification {
  entries: number;
  problems: AuditProblem[];
  isIntact: boolean;
}

const PAGE = 10_000;
/** Chains walked at once: the database serves some while this process hashes another. */
export const VERIFY_CONCURRENCY = 2;

interface RawEntry {
  chain: number;
  seq: number | string;
  at: string;
  actor_type: string;
  actor_id: string | null;
  action: string;
  subject_id: string | null;
  record: string | null;
  fields: string[];
  purpose: string;
  reason: string | null;
  request_id: string;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

/**
 * Walks every chain in order and names the first entry of each that does not fit: altered (its hash
 * does not match its content), missing (a sequence number skipped: an entry was removed), reordered
 * (its previous-hash is not the hash of the entry before it) — and, from the latest signed
 * checkpoint, chains whose newest entries were cut off. Pages are read raw (times as ISO text, as
 * they were hashed) and the next page is fetched while the current one is hashed.
 */
export async function verifyAudit(db: DbOrTx, keyring: Keyring, onProgress?: (checked: number) => void, concurrency = VERIFY_CONCURRENCY): Promise<AuditVerification> {
  const problems: AuditProblem[] = [...(await checkLatestCheckpoint(db, keyring))];
  let entries = 0;
  const count = (n: number) => {
    entries += n;
    onProgress?.(entries);
  };
  // Chains are independent: several are walked at once, so the database serves one while we hash another.
  const pending = Array.from({ length: AUDIT_CHAINS }, (_, chain) => chain).filter((chain) => !problems.some((p) => p.chain === chain));
  const walkers = Array.from({ length: concurrency }, async () => {
    for (let chain = pending.shift(); chain !== undefined; chain = pending.shift()) {
      const problem = await walkChain(db, chain, count);
      if (problem) problems.push(problem);
    }
  });
  await Promise.all(walkers);
  problems.sort((a, b) => a.chain - b.chain);
  return { entries, problems, isIntact: problems.length === 0 };
}

async function walkChain(db: DbOrTx, chain: number, count: (n: number) => void): Promise<AuditProblem | null> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let next = readPage(db, chain, 0);
  for (;;) {
    const page = await next;
    if (page.length === 0) return null;
    const last = page[page.length - 1] as RawEntry;
    next = readPage(db, chain, Number(last.seq));
    const problem = firstProblem(page, expectedSeq, prevHash);
    count(page.length);
    if (problem) {
      await next.catch(() => undefined);
      return { chain, ...problem };
    }
    expectedSeq = Number(last.seq) + 1;
    prevHash = last.hash;
  }
}

async function readPage(db: DbOrTx, chain: number, afterSeq: number): Promise<RawEntry[]> {
  const result = await db.execute(sql`
    select chain, seq, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, actor_type, actor_id, action,
           subject_id, record, fields, purpose, reason, request_id, ip, prev_hash, hash
      from audit_log where chain = ${chain} and seq > ${afterSeq} order by seq limit ${PAGE}`);
  return (result as unknown as { rows: RawEntry[] }).rows;
}

function firstProblem(page: RawEntry[], firstSeq: number, firstPrevHash: string): Omit<AuditProblem, 'chain'> | null {
  let expectedSeq = firstSeq;
  let prevHash = firstPrevHash;
  for (const entry of page) {
    const seq = Number(entry.seq);
    if (seq !== expectedSeq) return { seq: expectedSeq, kind: 'missing' };
    if (entry.prev_hash !== prevHash) return { seq, kind: 'reordered' };
    const recomputed = entryHash(entry.prev_hash, {
      chain: entry.chain,
      seq,
      at: entry.at,
      actorType: entry.actor_type,
      actorId: entry.actor_id,
      action: entry.action,
      subjectId: entry.subject_id,
      record: entry.record,
      fields: entry.fields,
      purpose: entry.purpose,
      reason: entry.reason,
      requestId: entry.request_id,
      ip: entry.ip,
    });
    if (recomputed !== entry.hash) return { seq, kind: 'altered' };
    prevHash = entry.hash;
    expectedSeq += 1;
  }
  return null;
}
