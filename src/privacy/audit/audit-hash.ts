import { createHash } from 'node:crypto';

/** The first entry of every chain follows this imaginary hash. */
export const GENESIS_HASH = '0'.repeat(64);

export interface HashedContent {
  chain: number;
  seq: number;
  at: string;
  actorType: string;
  actorId: string | null;
  action: string;
  subjectId: string | null;
  record: string | null;
  fields: string[];
  purpose: string;
  reason: string | null;
  requestId: string;
  ip: string | null;
}

/**
 * SHA-256 over the previous hash and the entry's content in a fixed field order (JSON of an array,
 * so no field can be moved into another without changing the bytes).
 */
export function entryHash(prevHash: string, content: HashedContent): string {
  const canonical = JSON.stringify([
    content.chain,
    content.seq,
    content.at,
    content.actorType,
    content.actorId,
    content.action,
    content.subjectId,
    content.record,
    content.fields,
    content.purpose,
    content.reason,
    content.requestId,
    content.ip,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}
