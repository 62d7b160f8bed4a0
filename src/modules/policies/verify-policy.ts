import { eq } from 'drizzle-orm';
import type { Db } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { maskName } from '../../privacy/access/masking.ts';
import { recordAudit } from '../../privacy/audit/record-audit.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import { insurers } from '../catalogue/schema.ts';
import { readParties } from '../orders/order-parties.ts';
import { orderSummaries } from '../orders/order-summary.ts';
import { orders } from '../orders/schema.ts';
import { policies, type PolicyStatus } from './schema.ts';
import { isVerificationTokenShaped, verificationLookupHash } from './verification-token.ts';

/** What anyone holding the e-policy's QR code learns (R-POL-9): that the policy is genuine, and nothing they could misuse. */
export interface PolicyVerification {
  /** Issued by the insurer and not cancelled. */
  valid: boolean;
  status: PolicyStatus;
  product: { nameZh: string; nameEn: string };
  insurer: { nameZh: string; nameEn: string };
  coverStart: string;
  coverEnd: string;
  policyNumberMasked: string;
  insuredNamesMasked: string[];
}

/**
 * The public verification page's data. Works for anyone without signing in: a visa officer or a
 * hotel checks the printout against it. Names are masked (张*, Z**** W**), the policy number shows
 * only its ends, and no document number, birth date, premium or contact appears. An unknown or
 * malformed token answers the same "not found". Audited as a read of the policy's names.
 */
export async function verifyPolicy(ctx: Ctx, deps: { db: Db; keyring: Keyring }, token: string): Promise<PolicyVerification> {
  if (!isVerificationTokenShaped(token)) throw notFound();
  const [row] = await deps.db
    .select({ policy: policies, insurer: { nameZh: insurers.fullNameZh, nameEn: insurers.fullNameEn }, owner: { customerId: orders.customerId, guestId: orders.guestId } })
    .from(policies)
    .innerJoin(insurers, eq(insurers.id, policies.insurerId))
    .innerJoin(orders, eq(orders.id, policies.orderId))
    .where(eq(policies.verificationTokenHash, verificationLookupHash(deps.keyring, token)));
  if (!row) throw notFound();
  const [order] = await orderSummaries(deps.db, eq(orders.id, row.policy.orderId), 1);
  if (!order) throw notFound();
  const insured = (await readParties(ctx, deps, order.id, ['name'])).filter((party) => party.role === 'insured');
  await recordAudit(deps.db, ctx, { action: 'read', subjectId: row.owner.customerId ?? row.owner.guestId, record: `policies/${row.policy.id}`, fields: ['insured.name:masked'] });
  return {
    valid: row.policy.status === 'issued',
    status: row.policy.status,
    product: { nameZh: order.product.nameZh, nameEn: order.product.nameEn },
    insurer: row.insurer,
    coverStart: row.policy.coverStart,
    coverEnd: row.policy.coverEnd,
    policyNumberMasked: maskPolicyNumber(row.policy.insurerPolicyNumber),
    insuredNamesMasked: insured.map((party) => (party.values.name ? maskName(party.values.name) : '—')),
  };
}

/** RI20260000000001 → RI2026******0001: enough to match the printout, not enough to quote the number elsewhere. */
export function maskPolicyNumber(value: string): string {
  if (value.length < 8) return `${value.slice(0, 1)}${'*'.repeat(Math.max(1, value.length - 1))}`;
  const kept = value.length < 14 ? 2 : value.length < 16 ? 4 : 6;
  return `${value.slice(0, kept)}${'*'.repeat(value.length - kept - 4)}${value.slice(-4)}`;
}

function notFound(): AppError {
  return new AppError('policy_verification_not_found', 'No policy for this verification token');
}
