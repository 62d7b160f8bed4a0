import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import { relationshipNames, type InsuredRelationship } from '../../shared/application.ts';
import { destinationOf } from '../../shared/catalogue/destinations.ts';
import { loadCatalogue, type CatalogueProduct, type PlanWithCoverage } from '../catalogue/load-catalogue.ts';
import { publishedProduct } from '../catalogue/published-catalogue.ts';
import { maskedDocumentOf, openParties, type PartyValues } from '../orders/order-parties.ts';
import { orders } from '../orders/schema.ts';
import type { EPolicyModel } from './e-policy/e-policy-model.ts';
import type { OwnPolicyWithOrder } from './own-policy.ts';
import { verificationTokenOf, verificationUrl } from './verification-token.ts';

export interface EPolicyContext {
  /** The database handle, not a transaction: the published catalogue is read from its cached copy. */
  db: Db;
  keyring: Keyring;
  publicUrl: string;
  operator: { companyName: string; hotline: string };
}

/** The people's fields an e-policy prints: findOwnPolicy reads them with the policy. */
export const PRINTED_PARTY_FIELDS = ['name', 'namePinyin', 'idDocument', 'passport', 'birthDate'] as const satisfies ReadonlyArray<keyof PartyValues>;

/**
 * What the e-policy of a policy prints, for its owner (R-POL-9): names in full (theirs, or people
 * they insured), every document number masked before it reaches the renderer (the identity document
 * is not even decrypted where a passport is shown instead), the cover of the plan, the premium as it
 * stands after changes of dates and the address of the public verification page.
 */
export async function ePolicyModelOf(ctx: Ctx, deps: EPolicyContext, own: OwnPolicyWithOrder): Promise<{ model: EPolicyModel; plan: PlanWithCoverage }> {
  const { policy, order } = own;
  const [product, parties] = await Promise.all([productOf(deps.db, order.product.code), openParties(ctx, deps, own.parties, PRINTED_PARTY_FIELDS, { shownDocumentOnly: true })]);
  const plan = product?.plans.find((candidate) => candidate.code === order.plan.code);
  if (!product || !plan) throw new AppError('internal', 'The product or plan of a policy is missing from the catalogue', { details: { policyId: policy.id } });
  const holder = parties.find((party) => party.role === 'policyholder');
  const institution = holder ? null : await institutionOf(deps.db, policy.orderId);
  const named = parties.filter((party) => party.role === 'beneficiary');
  const model: EPolicyModel = {
    policyNumber: policy.insurerPolicyNumber,
    platformReference: policy.id,
    issuedAt: policy.issuedAt,
    insurer: { nameZh: product.insurer.fullNameZh, nameEn: product.insurer.fullNameEn, licenceNumber: product.insurer.licenceNumber, claimsHotline: product.insurer.claimsHotline, servicePhone: product.insurer.servicePhone },
    product: { code: product.code, nameZh: product.nameZh, nameEn: product.nameEn },
    plan: { nameZh: plan.nameZh, nameEn: plan.nameEn },
    coverStart: policy.coverStart,
    coverEnd: policy.coverEnd,
    destinations: order.destinations.map((code) => destinationOf(code) ?? { zh: code, en: code }),
    coolingOffDays: product.coolingOffDays,
    // An institution's name and credit code are not personal information.
    policyholder: holder ? { name: holder.values.name ?? '—', idMasked: maskedDocumentOf(holder.values) } : { name: institution?.name ?? '—', idMasked: institution?.creditCode ?? '—' },
    insured: parties
      .filter((party) => party.role === 'insured')
      .map((party) => ({
        name: party.values.name ?? '—',
        ...(party.values.namePinyin ? { namePinyin: party.values.namePinyin } : {}),
        idMasked: maskedDocumentOf(party.values),
        ...(party.values.birthDate ? { birthDate: party.values.birthDate } : {}),
        relationship: relationshipNames[(party.relationship ?? 'other') as InsuredRelationship] ?? relationshipNames.other,
      })),
    beneficiaries: named.length === 0 ? 'statutory' : named.map((party) => ({ name: party.values.name ?? '—', sharePercent: party.sharePercent ?? 0 })),
    coverage: plan.coverages,
    premiumFen: own.premiumFen,
    verificationUrl: verificationUrl(deps.publicUrl, verificationTokenOf(deps.keyring, policy.id)),
    operator: { nameZh: deps.operator.companyName, nameEn: deps.operator.companyName, hotline: deps.operator.hotline },
  };
  return { model, plan };
}

/**
 * The product as the catalogue describes it now: from the cached published catalogue when on sale
 * (four queries fewer per open; a catalogue edit reaches it within seconds, and the changed model
 * then renders a new document), from the database when it was taken off sale since.
 */
async function productOf(db: Db, code: string): Promise<CatalogueProduct | undefined> {
  const published = await publishedProduct(db, code);
  if (published) return published;
  const [product] = await loadCatalogue(db, { publishedOnly: false, code });
  return product;
}

async function institutionOf(db: DbOrTx, orderId: string): Promise<{ name: string | null; creditCode: string | null } | undefined> {
  const [row] = await db.select({ name: orders.institutionName, creditCode: orders.institutionCreditCode }).from(orders).where(eq(orders.id, orderId));
  return row;
}
