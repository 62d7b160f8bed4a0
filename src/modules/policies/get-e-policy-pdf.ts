import { AppError } from '../../errors/app-error.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import type { EPolicyVariant } from './e-policy/e-policy-model.ts';
import { keptEPolicyPdf } from './e-policy/kept-e-policy.ts';
import { ePolicyModelOf, PRINTED_PARTY_FIELDS, type EPolicyContext } from './e-policy-model-of.ts';
import { findOwnPolicy } from './own-policy.ts';

/**
 * The e-policy PDF of one of the owner's policies in force (R-POL-9), made now from the order: the
 * bilingual schedule, or the Schengen visa certificate when the plan meets the visa rules. The model
 * is built on every open (what the policy says now: the policy, its order, premium and people in one
 * query); its rendering is kept encrypted and rendered again only when the model changed
 * (kept-e-policy.ts: one query more). The file is named after the policy number only.
 */
export async function getEPolicyPdf(ctx: Ctx, deps: EPolicyContext, input: { policyId: string; variant: EPolicyVariant }): Promise<{ fileName: string; pdf: Buffer }> {
  const own = await findOwnPolicy(ctx, deps.db, input.policyId, { parties: PRINTED_PARTY_FIELDS });
  const { policy } = own;
  if (policy.status !== 'issued') throw new AppError('policy_not_in_force', 'E-policy of a cancelled policy', { details: { policyId: policy.id } });
  const { model, plan } = await ePolicyModelOf(ctx, deps, own);
  if (input.variant === 'schengen_certificate' && !plan.schengenCompliant) throw new AppError('e_policy_not_schengen', 'Schengen certificate of a plan not meeting the visa rules', { details: { policyId: policy.id } });
  const pdf = await keptEPolicyPdf(ctx, deps, policy.id, model, input.variant);
  const suffix = input.variant === 'schengen_certificate' ? '-schengen' : '';
  return { fileName: `${policy.insurerPolicyNumber.replace(/[^A-Za-z0-9-]/g, '')}${suffix}.pdf`, pdf };
}
