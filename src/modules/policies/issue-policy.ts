import { inTransaction } from '../../db/transaction.ts';
import type { Db } from '../../db/types.ts';
import { AppError, isAppError } from '../../errors/app-error.ts';
import type { IssuanceResult } from '../../integrations/insurer/insurer-adapter.ts';
import type { PurchaseIntegrations } from '../../integrations/purchase-integrations.ts';
import { systemCtx, type Ctx } from '../../privacy/access/context.ts';
import { dataCategories } from '../../privacy/catalogue/categories.ts';
import { consentKeyOf } from '../../privacy/consent/consent-purposes.ts';
import { currentConsents } from '../../privacy/consent/record-consent.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import { checkDisclosure, recipientOfIntegration, recordDisclosure, type DisclosureRequest } from '../../privacy/disclosures/disclose.ts';
import { readParties } from '../orders/order-parties.ts';
import { orderStatusChanged } from '../orders/order-status-watch.ts';
import { moveOrder } from '../orders/order-transitions.ts';
import { refundOrder } from '../payments/refund-order.ts';
import { insurerApplicationOf, type DisclosedField } from './insurer-application-of.ts';
import { loadIssuanceOrder, policyIdOf, valuesToRead, type IssuanceOrder } from './issuance-order.ts';
import { ISSUE_POLICY_JOB } from './request-issuance.ts';
import { policies } from './schema.ts';
import { verificationLookupHash, verificationTokenOf } from './verification-token.ts';

export interface IssuanceDeps {
  db: Db;
  keyring: Keyring;
  purchase: Pick<PurchaseIntegrations, 'insurerFor' | 'payment'>;
}

export type IssuanceOutcome =
  | { outcome: 'issued'; policyId: string; policyNumber: string; orderId: string }
  /** The insurer declined (or the person withdrew a consent the application needs): the premium went back. */
  | { outcome: 'refunded'; reason: string; orderId: string }
  /** Not a paid order (any more): issued or refunded by an earlier run, or never paid. */
  | { outcome: 'skipped'; orderId: string };

/**
 * Issues the policy of a paid order (R-POL-9, R-SHR-2). Safe to run any number of times, also at
 * once: an order not in `paid` is left alone; the insurer is asked under the key `iss_<orderId>`
 * with the same application every time, so it issues one policy; and the move out of `paid` is one
 * conditional update, so one run stores the policy and records the disclosure and the others do
 * nothing. What is sent is checked against the registry and the person's consents first. A decline
 * refunds the premium and closes the order as refunded. An unavailable insurer (or registry entry)
 * throws, for the job system to retry.
 */
export async function issuePolicy(deps: IssuanceDeps, orderId: string): Promise<IssuanceOutcome> {
  const ctx = systemCtx(ISSUE_POLICY_JOB, 'purchase');
  const loaded = await loadIssuanceOrder(deps.db, orderId);
  if (loaded?.order.status !== 'paid') return { outcome: 'skipped', orderId };
  const subjectKey = (loaded.order.customerId ?? loaded.order.guestId) as string;
  const parties = await readParties(ctx, deps, orderId, valuesToRead(loaded.product));
  const policyId = policyIdOf(orderId);
  const { application, fields } = insurerApplicationOf({ policyId, order: loaded.order, product: loaded.product, planCode: loaded.planCode, parties });

  const withdrawn = await withdrawnConsent(deps.db, subjectKey, fields);
  if (withdrawn) return refundUnissued(ctx, deps, loaded, `consent_withdrawn:${withdrawn}`, null);
  const adapter = deps.purchase.insurerFor(loaded.insurer.code);
  const recipientId = await recipientOfIntegration(deps.db, adapter.recipientIntegration);
  if (!recipientId) throw new AppError('disclosure_refused', `No registered recipient for ${adapter.recipientIntegration}`, { details: { reason: 'unknown recipient' } });
  const disclosure: DisclosureRequest = { recipientId, subjectKey, fields, purpose: 'purchase', basis: 'consent', consent: 'share_with_insurer' };
  await checkDisclosure(ctx, deps.db, disclosure);

  const result = await submit(() => adapter.submitApplication(application, { idempotencyKey: `iss_${orderId}` }));
  if (result.status === 'declined') return refundUnissued(ctx, deps, loaded, result.reason, disclosure);

  const stored = await inTransaction(deps.db, async (tx) => {
    const issued = await moveOrder(tx, orderId, ['paid'], 'issued', { issuedAt: result.issuedAt });
    if (!issued) return false;
    await tx.insert(policies).values({
      id: policyId,
      orderId,
      insurerId: loaded.insurer.id,
      insurerPolicyNumber: result.policyNumber,
      status: 'issued',
      coverStart: issued.coverStart,
      coverEnd: issued.coverEnd,
      issuedAt: result.issuedAt,
      verificationTokenHash: verificationLookupHash(deps.keyring, verificationTokenOf(deps.keyring, policyId)),
      retainUntil: issued.retainUntil,
    });
    await recordDisclosure(ctx, tx, disclosure);
    return true;
  });
  if (stored) orderStatusChanged(deps.db, orderId);
  return stored ? { outcome: 'issued', policyId, policyNumber: result.policyNumber, orderId } : { outcome: 'skipped', orderId };
}

/** The insurer looked at the application and refused it (invalid at its end, cover start passed): as final as a decline. */
async function submit(call: () => Promise<IssuanceResult>): Promise<IssuanceResult> {
  try {
    return await call();
  } catch (error) {
    if (isAppError(error) && error.code === 'insurer_refused') return { status: 'declined', reason: String(error.details.reason ?? 'refused') };
    throw error;
  }
}

/**
 * Providing the insurer with the application rests on the `share_with_insurer` consent, and its
 * sensitive fields on `sensitive_pi`; both were given with the application (a guest's against the
 * guest id) and either may have been withdrawn since the payment. Then nothing is sent.
 */
async function withdrawnConsent(db: Db, subjectKey: string, fields: DisclosedField[]): Promise<string | null> {
  const needed = fields.some((field) => dataCategories[field.category].sensitive) ? (['share_with_insurer', 'sensitive_pi'] as const) : (['share_with_insurer'] as const);
  // Both answers in one read.
  const answers = await currentConsents(db, subjectKey, needed.map((purpose) => ({ purpose })));
  return needed.find((purpose) => !answers.get(consentKeyOf({ purpose }))?.granted) ?? null;
}

/**
 * A paid order that will not be issued: the premium goes back in full, then the order closes as
 * refunded — with the disclosure recorded when the application did reach the insurer. A refund the
 * provider refuses leaves the order paid and fails the run, for a person to look at.
 */
async function refundUnissued(ctx: Ctx, deps: IssuanceDeps, loaded: IssuanceOrder, reason: string, disclosure: DisclosureRequest | null): Promise<IssuanceOutcome> {
  const orderId = loaded.order.id;
  const refund = await refundOrder(ctx, { db: deps.db, provider: deps.purchase.payment }, { orderId, amountFen: loaded.order.premiumFen, reason: 'issuance_declined', idempotencyKey: `decline_${orderId}` });
  if (refund.status === 'failed') throw new AppError('internal', 'The payment provider refused the refund of a declined order', { details: { orderId, refundId: refund.refundId } });
  await inTransaction(deps.db, async (tx) => {
    const refunded = await moveOrder(tx, orderId, ['paid'], 'refunded', { closedAt: new Date() });
    if (refunded && disclosure) await recordDisclosure(ctx, tx, disclosure);
  });
  orderStatusChanged(deps.db, orderId);
  return { outcome: 'refunded', reason, orderId };
}
