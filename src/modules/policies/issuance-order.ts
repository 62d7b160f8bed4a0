import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import type { ApplicantField } from '../../shared/catalogue/terms.ts';
import type { PartyValues } from '../orders/order-parties.ts';
import { insurers, plans, products } from '../catalogue/schema.ts';
import { orders } from '../orders/schema.ts';

/** A paid order as issuance needs it: the order, its product's field lists and codes, and its insurer. */
export interface IssuanceOrder {
  order: typeof orders.$inferSelect;
  product: { code: string; nameZh: string; nameEn: string; policyholderFields: ApplicantField[]; insuredFields: ApplicantField[] };
  planCode: string;
  insurer: { id: string; code: string };
}

export async function loadIssuanceOrder(db: DbOrTx, orderId: string): Promise<IssuanceOrder | null> {
  const [row] = await db
    .select({
      order: orders,
      product: { code: products.code, nameZh: products.nameZh, nameEn: products.nameEn, policyholderFields: products.policyholderFields, insuredFields: products.insuredFields },
      planCode: plans.code,
      insurer: { id: insurers.id, code: insurers.code },
    })
    .from(orders)
    .innerJoin(products, eq(products.id, orders.productId))
    .innerJoin(plans, eq(plans.id, orders.planId))
    .innerJoin(insurers, eq(insurers.id, products.insurerId))
    .where(eq(orders.id, orderId));
  return row ?? null;
}

const partyValueOf: Record<ApplicantField, keyof PartyValues> = {
  name: 'name',
  name_pinyin: 'namePinyin',
  id_number: 'idDocument',
  passport_number: 'passport',
  birth_date: 'birthDate',
  sex: 'sex',
  phone: 'phone',
  email: 'email',
  occupation: 'occupationClass',
  health_declaration: 'healthAnswers',
};

/** The encrypted values worth decrypting for the insurer: what the product asks, and a named beneficiary's name and document. */
export function valuesToRead(product: IssuanceOrder['product']): Array<keyof PartyValues> {
  return [...new Set<keyof PartyValues>([...product.policyholderFields, ...product.insuredFields].map((field) => partyValueOf[field]).concat(['name', 'idDocument']))];
}

/** The policy of an order is named after it: retried submissions carry the same platform reference. */
export function policyIdOf(orderId: string): string {
  return `pol_${orderId.slice(orderId.indexOf('_') + 1)}`;
}
