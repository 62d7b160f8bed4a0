import type { Db } from '../../db/types.ts';
import type { PurchaseIntegrations } from '../../integrations/purchase-integrations.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import type { Enqueue } from '../policies/request-issuance.ts';
import type { dateChanges } from './schema.ts';

export interface DateChangeDeps {
  db: Db;
  keyring: Keyring;
  purchase: PurchaseIntegrations;
  /** Queues the endorsement after the extra premium is paid; null where this process has no jobs. */
  enqueue: Enqueue;
}

export type DateChangeRow = typeof dateChanges.$inferSelect;

/** The queue that asks the insurer for an endorsement once a change of dates is paid (or costs nothing more). */
export const COMPLETE_DATE_CHANGE_JOB = 'policies.complete-date-change';

export async function requestDateChangeCompletion(enqueue: Enqueue, dateChangeId: string): Promise<void> {
  if (!enqueue) return;
  await enqueue(COMPLETE_DATE_CHANGE_JOB, { dateChangeId }, { singletonKey: dateChangeId });
}
