import type { DbOrTx } from '../../db/types.ts';
import type { PurchaseIntegrations } from '../../integrations/purchase-integrations.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { cancellableOwnPolicy } from './cancellation-terms.ts';

export interface CancellationPreview {
  policyId: string;
  premiumFen: number;
  /** What the insurer would refund if cancelled today. */
  refundFen: number;
  effectiveDate: string;
  lastDay: string;
}

/** The refund of cancelling today, asked of the insurer and shown before the person confirms; nothing changes. */
export async function previewOwnCancellation(ctx: Ctx, deps: { db: DbOrTx; purchase: PurchaseIntegrations }, policyId: string): Promise<CancellationPreview> {
  const terms = await cancellableOwnPolicy(ctx, deps.db, policyId);
  const { refundFen } = await deps.purchase.insurerFor(terms.insurerCode).previewCancellation({ policyNumber: terms.policy.insurerPolicyNumber, effectiveDate: terms.effectiveDate });
  return { policyId, premiumFen: terms.premiumFen, refundFen: Math.min(refundFen, terms.premiumFen), effectiveDate: terms.effectiveDate, lastDay: terms.lastDay };
}
