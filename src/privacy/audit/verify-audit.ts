import { asc, eq, gt, and } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import { entryHash, GENESIS_HASH } from './audit-hash.ts';
import { checkLatestCheckpoint } from './checkpoint-audit.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { AUDIT_CHAINS } from './record-audit.ts';
import { auditLog, type AuditEntry } from './schema.ts';

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

const PAGE = 5000;

/**
 * Walks every chain in order and names the first entry of each that does not fit: altered (its hash
 * does not match its content), missing (a sequence number skipped: an entry was removed), or
 * reordered (its previous-hash is not the hash of the entry before it).
 */
export async function verifyAudit(db: DbOrTx, keyring: Keyring, onProgress?: (checked: number) => void): Promise<AuditVerification> {
  // Entries cut from the end of a chain leave no gap to find: the latest signed checkpoint shows them.
  const problems: AuditProblem[] = [...(await checkLatestCheckpoint(db, keyring))];
  let entries = 0;
  for (let chain = 0; chain < AUDIT_CHAINS; chain += 1) {
    if (problems.some((problem) => problem.chain === chain)) continue;
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    let lastSeq = 0;
    for (;;) {
      const page = await db.select().from(auditLog).where(and(eq(auditLog.chain, chain), gt(auditLog.seq, lastSeq))).orderBy(asc(auditLog.seq)).limit(PAGE);
      if (page.length === 0) break;
      const problem = firstProblem(page, expectedSeq, prevHash);
      entries += page.length;
      onProgress?.(entries);
      if (problem) {
        problems.push({ chain, ...problem });
        break;
      }
      const last = page[page.length - 1] as AuditEntry;
      expectedSeq = last.seq + 1;
      prevHash = last.hash;
      lastSeq = last.seq;
    }
  }
  return { entries, problems, isIntact: problems.length === 0 };
}

function firstProblem(page: AuditEntry[], firstSeq: number, firstPrevHash: string): Omit<AuditProblem, 'chain'> | null {
  let expectedSeq = firstSeq;
  let prevHash = firstPrevHash;
  for (const entry of page) {
    if (entry.seq !== expectedSeq) return { seq: expectedSeq, kind: 'missing' };
    if (entry.prevHash !== prevHash) return { seq: entry.seq, kind: 'reordered' };
    const recomputed = entryHash(entry.prevHash, {
      chain: entry.chain,
      seq: entry.seq,
      at: entry.at.toISOString(),
      actorType: entry.actorType,
      actorId: entry.actorId,
      action: entry.action,
      subjectId: entry.subjectId,
      record: entry.record,
      fields: entry.fields,
      purpose: entry.purpose,
      reason: entry.reason,
      requestId: entry.requestId,
      ip: entry.ip,
    });
    if (recomputed !== entry.hash) return { seq: entry.seq, kind: 'altered' };
    prevHash = entry.hash;
    expectedSeq += 1;
  }
  return null;
}
