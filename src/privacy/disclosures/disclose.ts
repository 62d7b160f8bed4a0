import { eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import type { DbOrTx } from '../../db/types.ts';
import { newId } from '../../shared/ids.ts';
import type { Ctx, Purpose } from '../access/context.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { DataCategory, LegalBasis } from '../catalogue/categories.ts';
import { consentKeyOf, consentPurposes, type ConsentPurposeKey } from '../consent/consent-purposes.ts';
import { hasConsent } from '../consent/record-consent.ts';
import { disclosures, recipients } from './schema.ts';

export interface DisclosureRequest {
  recipientId: string;
  /** Whose data: a customer id, or `phone:<blind index>` for a number not yet registered. */
  subjectKey: string;
  fields: Array<{ name: string; category: DataCategory }>;
  purpose: Purpose;
  basis: LegalBasis;
  /** With basis `consent`: the consent relied on, checked against the subject's current answer. */
  consent?: ConsentPurposeKey;
}

/**
 * Whether the registry allows this disclosure (R-SHR-1): the recipient is active, has a
 * confidentiality agreement in force today, and may receive these categories for this purpose.
 * With consent as the basis, the request names the consent it relies on, given for this purpose, and
 * the subject's current answer must be yes (R-RGT-4): a withdrawal stops the next disclosure. A
 * refusal is audited and thrown; nothing is sent.
 */
export async function checkDisclosure(ctx: Ctx, db: DbOrTx, request: DisclosureRequest): Promise<void> {
  const [recipient] = await db.select().from(recipients).where(eq(recipients.id, request.recipientId));
  const refusal = recipient ? (refusalOf(recipient, request) ?? (await consentRefusal(db, request))) : 'unknown recipient';
  if (!refusal) return;
  await recordAudit(db, ctx, { action: 'refused', subjectId: request.subjectKey, record: `recipients/${request.recipientId}`, fields: request.fields.map((f) => f.name) });
  throw new AppError('disclosure_refused', `Disclosure to ${request.recipientId} refused: ${refusal}`, { details: { reason: refusal } });
}

/** The ledger entry and audit entry of a disclosure that happened (R-SHR-2). */
export async function recordDisclosure(ctx: Ctx, db: DbOrTx, request: DisclosureRequest): Promise<string> {
  const id = newId('dsc');
  await db.insert(disclosures).values({
    id,
    recipientId: request.recipientId,
    subjectKey: request.subjectKey,
    fields: request.fields.map((field) => field.name),
    categories: [...new Set(request.fields.map((field) => field.category))],
    purpose: request.purpose,
    basis: request.basis,
    consentMatter: request.basis === 'consent' && request.consent ? consentKeyOf({ purpose: request.consent }) : null,
    actorType: ctx.actor.type,
    actorId: 'id' in ctx.actor ? ctx.actor.id : ctx.actor.type === 'system' ? ctx.actor.job : null,
    requestId: ctx.requestId,
  });
  await recordAudit(db, ctx, { action: 'disclose', subjectId: request.subjectKey, record: `recipients/${request.recipientId}`, fields: request.fields.map((f) => f.name) });
  return id;
}

/** Check and record in one step, for disclosures made inside the platform's own transaction. */
export async function disclose(ctx: Ctx, db: DbOrTx, request: DisclosureRequest): Promise<string> {
  await checkDisclosure(ctx, db, request);
  return recordDisclosure(ctx, db, request);
}

/** The recipient registered for one of the platform's integrations (`sms.aliyun`), if any. */
export async function recipientOfIntegration(db: DbOrTx, integration: string): Promise<string | null> {
  const [row] = await db.select({ id: recipients.id }).from(recipients).where(eq(recipients.integration, integration));
  return row?.id ?? null;
}

function refusalOf(recipient: typeof recipients.$inferSelect, request: DisclosureRequest): string | null {
  if (recipient.status !== 'active') return 'recipient suspended';
  // Agreements are dated in China: between 00:00 and 08:00 Beijing time the UTC date is still yesterday.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  if (!recipient.agreementReference || !recipient.agreementSignedOn || recipient.agreementSignedOn > today) return 'no confidentiality agreement in force';
  if (recipient.agreementExpiresOn && recipient.agreementExpiresOn < today) return 'confidentiality agreement expired';
  if (!recipient.purposes.includes(request.purpose)) return `purpose ${request.purpose} not agreed`;
  const notAllowed = [...new Set(request.fields.map((f) => f.category))].filter((category) => !recipient.categories.includes(category));
  if (notAllowed.length > 0) return `categories not agreed: ${notAllowed.join(', ')}`;
  return null;
}

async function consentRefusal(db: DbOrTx, request: DisclosureRequest): Promise<string | null> {
  if (request.basis !== 'consent') return null;
  if (!request.consent) return 'consent basis names no consent';
  if (consentPurposes[request.consent].purpose !== request.purpose) return `consent ${request.consent} was not given for purpose ${request.purpose}`;
  if (!(await hasConsent(db, request.subjectKey, { purpose: request.consent }))) return `no consent in force for ${request.consent}`;
  return null;
}
