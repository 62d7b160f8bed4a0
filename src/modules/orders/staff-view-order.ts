import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { maskEmail, maskIdNumber, maskName, maskPhone } from '../../privacy/access/masking.ts';
import { recordAudit } from '../../privacy/audit/record-audit.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import type { IdDocumentType } from '../../shared/identity-documents.ts';
import type { SaleStepKind } from '../../shared/orders.ts';
import { productDocuments } from '../catalogue/schema.ts';
import { orderMoney } from '../payments/order-money.ts';
import { authorizeStaff } from '../staff/policies.ts';
import { readParties, type Party } from './order-parties.ts';
import { orderSummaries, type OrderSummary } from './order-summary.ts';
import { orders, saleSteps } from './schema.ts';

/** A person of an order as staff see it before unmasking: enough to recognise, not to use. */
export interface MaskedParty {
  id: string;
  role: Party['role'];
  position: number;
  insuredPosition: number | null;
  relationship: string | null;
  sharePercent: number | null;
  name: string | null;
  idDocument: { type: IdDocumentType; number: string } | null;
  passport: string | null;
  birthYear: string | null;
  sex: string | null;
  phone: string | null;
  email: string | null;
  occupationClass: number | null;
  /** Whether a health declaration was made (its answers are never shown in a list: all were "no" to be accepted). */
  hasHealthDeclaration: boolean;
}

/** One step of the 可回溯 record, with the exact text that was shown where it was a document. */
export interface TimelineStep {
  seq: number;
  kind: SaleStepKind;
  action: 'shown' | 'confirmed';
  at: Date;
  viewedMs: number | null;
  contentHash: string | null;
  statement: string | null;
  document: { version: number; titleZh: string; titleEn: string; bodyZh: string; bodyEn: string; textHash: string } | null;
}

export interface StaffOrderView {
  order: OrderSummary;
  parties: MaskedParty[];
  timeline: TimelineStep[];
  /** Payments and refunds with where each stands: a failed refund is money still owed to the customer. */
  money: Awaited<ReturnType<typeof orderMoney>>;
}

/**
 * An order for service and compliance (R-POL-7, R-SEC-3): its people masked, and the replay of how it
 * was sold — every step in order with the exact documents shown (by the version and hash recorded),
 * the statements confirmed and how long each was read — and its payments and refunds. The read is
 * audited before anything is shown.
 */
export async function staffViewOrder(ctx: Ctx, deps: { db: Db; keyring: Keyring }, orderId: string): Promise<StaffOrderView> {
  authorizeStaff(ctx.actor, 'orders.read');
  const [order] = await orderSummaries(deps.db, eq(orders.id, orderId), 1);
  if (!order) throw new AppError('order_not_found', 'No such order');
  const [owner] = await deps.db.select({ customerId: orders.customerId }).from(orders).where(eq(orders.id, orderId));
  await recordAudit(deps.db, ctx, { action: 'read', subjectId: owner?.customerId ?? null, record: `orders/${orderId}`, fields: ['parties_masked', 'sale_timeline', 'payments', 'refunds'] });
  const parties = (await readParties(ctx, deps, orderId, ['name', 'idDocument', 'passport', 'birthDate', 'sex', 'phone', 'email', 'occupationClass', 'healthAnswers'])).map(maskParty);
  const [timeline, money] = await Promise.all([timelineOf(deps.db, order.saleId), orderMoney(deps.db, orderId)]);
  return { order, parties, timeline, money };
}

function maskParty(party: Party): MaskedParty {
  const { values } = party;
  return {
    id: party.id,
    role: party.role,
    position: party.position,
    insuredPosition: party.insuredPosition,
    relationship: party.relationship,
    sharePercent: party.sharePercent,
    name: values.name ? maskName(values.name) : null,
    idDocument: values.idDocument ? { type: values.idDocument.type, number: maskIdNumber(values.idDocument.number) } : null,
    passport: values.passport ? maskIdNumber(values.passport.number) : null,
    birthYear: values.birthDate?.slice(0, 4) ?? null,
    sex: values.sex ?? null,
    phone: values.phone ? maskPhone(values.phone) : null,
    email: values.email ? maskEmail(values.email) : null,
    occupationClass: values.occupationClass ?? null,
    hasHealthDeclaration: values.healthAnswers !== undefined,
  };
}

async function timelineOf(db: Db, saleId: string): Promise<TimelineStep[]> {
  const steps = await db.select().from(saleSteps).where(eq(saleSteps.saleId, saleId)).orderBy(asc(saleSteps.seq));
  const documentIds = [...new Set(steps.map((step) => step.documentId).filter((id): id is string => id !== null))];
  const documents = documentIds.length === 0 ? [] : await db.select().from(productDocuments).where(inArray(productDocuments.id, documentIds));
  const byId = new Map(documents.map((document) => [document.id, document]));
  return steps.map((step) => {
    const document = step.documentId ? byId.get(step.documentId) : undefined;
    return {
      seq: step.seq,
      kind: step.kind,
      action: step.action,
      at: step.at,
      viewedMs: step.viewedMs,
      contentHash: step.contentHash,
      statement: step.statement,
      document: document ? { version: document.version, titleZh: document.titleZh, titleEn: document.titleEn, bodyZh: document.bodyZh, bodyEn: document.bodyEn, textHash: document.textHash } : null,
    };
  });
}
