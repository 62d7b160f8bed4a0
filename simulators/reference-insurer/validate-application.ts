import type { InsurerApplication } from '../../src/integrations/insurer/insurer-application.ts';
import { isCalendarDate } from '../../src/shared/identity-documents.ts';

export type ApplicationCheck = { isValid: true; application: InsurerApplication } | { isValid: false; reason: string };

/**
 * What the reference insurer refuses to underwrite at all (HTTP 422), as a reason code. The body is
 * whatever arrived: every field is checked before the application is trusted to have its type.
 */
export function validateApplication(body: unknown, today: string): ApplicationCheck {
  if (!isObject(body)) return invalid('not_an_application');
  if (!isCode(body.productCode) || !isCode(body.planCode)) return invalid('product_or_plan_missing');
  if (typeof body.coverStart !== 'string' || typeof body.coverEnd !== 'string') return invalid('cover_dates_missing');
  if (!isCalendarDate(body.coverStart) || !isCalendarDate(body.coverEnd)) return invalid('cover_dates_invalid');
  if (body.coverStart > body.coverEnd) return invalid('cover_dates_out_of_order');
  if (body.coverStart < today) return invalid('cover_start_in_past');
  if (!Array.isArray(body.destinations) || !body.destinations.every(isCode)) return invalid('destinations_invalid');
  if (!Number.isSafeInteger(body.premiumFen) || (body.premiumFen as number) <= 0) return invalid('premium_not_positive');
  if (!isObject(body.policyholder)) return invalid('policyholder_missing');
  if (!Array.isArray(body.insured) || body.insured.length === 0) return invalid('no_insured');
  for (const insured of body.insured as unknown[]) {
    if (!isObject(insured) || !isObject(insured.person)) return invalid('insured_invalid');
    const problem = beneficiaryProblem(insured.beneficiaries);
    if (problem) return invalid(problem);
  }
  return { isValid: true, application: body as unknown as InsurerApplication };
}

function beneficiaryProblem(value: unknown): string | null {
  if (!isObject(value)) return 'beneficiaries_missing';
  if (value.kind === 'statutory') return null;
  if (value.kind !== 'named' || !Array.isArray(value.named) || value.named.length === 0) return 'beneficiaries_invalid';
  const named = value.named as unknown[];
  let total = 0;
  for (const beneficiary of named) {
    if (!isObject(beneficiary) || !isObject(beneficiary.person)) return 'beneficiaries_invalid';
    const share = beneficiary.sharePercent;
    if (!Number.isInteger(share) || (share as number) < 1 || (share as number) > 100) return 'beneficiary_share_invalid';
    total += share as number;
  }
  return total === 100 ? null : 'beneficiary_shares_not_100';
}

function invalid(reason: string): ApplicationCheck {
  return { isValid: false, reason };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCode(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 64;
}
