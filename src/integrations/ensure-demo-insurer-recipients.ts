import type { Db } from '../db/types.ts';
import { demoInsurers } from '../modules/catalogue/demo/insurers.ts';
import { systemCtx } from '../privacy/access/context.ts';
import { recordAudit } from '../privacy/audit/record-audit.ts';
import type { DataCategory } from '../privacy/catalogue/categories.ts';
import { recipients } from '../privacy/disclosures/schema.ts';
import { newId } from '../shared/ids.ts';

/** Everything an application can hold (src/modules/orders/schema.ts order_parties), all of it sent to issue a policy. */
export const APPLICATION_CATEGORIES: readonly DataCategory[] = [
  'identity.name',
  'identity.government_id',
  'identity.birth_date',
  'identity.gender',
  'contact.phone',
  'contact.email',
  'identity.occupation',
  'health.declaration',
  'insurance.policy',
  'minor',
];

const SEEDED_BY = 'seed:demo-insurer-recipients';

/**
 * The demo's insurers in the disclosure registry (R-SHR-1): an application goes to its insurer only
 * to a registered recipient with a confidentiality agreement in force covering the purpose and every
 * category sent. One per demo insurer, under the integration its adapter names (`insurer.<code>`),
 * with a demo agreement. Added when missing; one the PI-protection officer changed or suspended is
 * left exactly as it is. Returns how many were added.
 */
export async function ensureDemoInsurerRecipients(db: Db): Promise<number> {
  const added = await db
    .insert(recipients)
    .values(
      demoInsurers.map((insurer) => ({
        id: newId('rcp'),
        name: insurer.fullNameZh,
        type: 'insurer' as const,
        integration: `insurer.${insurer.code}`,
        country: 'CN',
        purposes: ['purchase', 'policy_service'],
        categories: [...APPLICATION_CATEGORIES],
        agreementReference: `DEMO-保密协议-${insurer.code}`,
        agreementSignedOn: '2025-01-01',
        agreementExpiresOn: null,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: recipients.id });
  const ctx = systemCtx(SEEDED_BY, 'legal_obligation');
  for (const { id } of added) await recordAudit(db, ctx, { action: 'create', record: `recipients/${id}`, fields: ['name', 'integration', 'purposes', 'categories', 'agreementReference'] });
  return added.length;
}
