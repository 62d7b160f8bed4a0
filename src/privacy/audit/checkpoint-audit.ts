import { createHmac, timingSafeEqual } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import { newId } from '../../shared/ids.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { auditCheckpoints, auditLog } from './schema.ts';

export type ChainHeads = Record<string, { seq: number; hash: string }>;

/** Records the current head of every chain, signed with the platform's secret key. */
export async function checkpointAudit(db: DbOrTx, keyring: Keyring): Promise<{ id: string; heads: ChainHeads }> {
  const rows = await db.execute(sql`select distinct on (chain) chain, seq, hash from ${auditLog} order by chain, seq desc`);
  const heads: ChainHeads = {};
  for (const row of (rows as unknown as { rows: Array<{ chain: number; seq: number | string; hash: string }> }).rows) {
    heads[String(row.chain)] = { seq: Number(row.seq), hash: row.hash };
  }
  const text = JSON.stringify(heads);
  const id = newId('ack');
  await db.insert(auditCheckpoints).values({ id, at: new Date(), heads: text, signature: sign(keyring, text) });
  return { id, heads };
}

export interface CheckpointProblem {
  chain: number;
  seq: number;
  kind: 'truncated' | 'checkpoint_forged';
}

/**
 * Compares the log with the latest checkpoint: a forged checkpoint, or a chain head that is gone or
 * changed (entries removed from the end of a chain), is a problem.
 */
export async function checkLatestCheckpoint(db: DbOrTx, keyring: Keyring): Promise<CheckpointProblem[]> {
  const [checkpoint] = await db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.at)).limit(1);
  if (!checkpoint) return [];
  if (!verifySignature(keyring, checkpoint.heads, checkpoint.signature)) return [{ chain: -1, seq: -1, kind: 'checkpoint_forged' }];
  const heads = JSON.parse(checkpoint.heads) as ChainHeads;
  const problems: CheckpointProblem[] = [];
  for (const [chain, head] of Object.entries(heads)) {
    const result = await db.execute(sql`select hash from ${auditLog} where chain = ${Number(chain)} and seq = ${head.seq}`);
    const found = (result as unknown as { rows: Array<{ hash: string }> }).rows[0];
    if (!found || found.hash !== head.hash) problems.push({ chain: Number(chain), seq: head.seq, kind: 'truncated' });
  }
  return problems;
}

function sign(keyring: Keyring, text: string): string {
  return createHmac('sha256', keyring.secretHashKey).update(`audit-checkpoint\u0000${text}`).digest('base64url');
}

function verifySignature(keyring: Keyring, text: string, signature: string): boolean {
  const expected = Buffer.from(sign(keyring, text));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
