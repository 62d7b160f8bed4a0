import { asc, eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import type { DbOrTx } from '../../db/types.ts';
import { authorizeStaff } from '../../modules/staff/policies.ts';
import { newId } from '../../shared/ids.ts';
import type { Ctx, Purpose } from '../access/context.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { DataCategory } from '../catalogue/categories.ts';
import { recipients, type RecipientType } from './schema.ts';

export interface RecipientInput {
  name: string;
  type: RecipientType;
  integration?: string | null;
  country: string;
  purposes: Purpose[];
  categories: DataCategory[];
  agreementReference?: string | null;
  agreementSignedOn?: string | null;
  agreementExpiresOn?: string | null;
}

export type Recipient = typeof recipients.$inferSelect;

export async function listRecipients(ctx: Ctx, db: DbOrTx): Promise<Recipient[]> {
  authorizeStaff(ctx.actor, 'recipients.read');
  return db.select().from(recipients).orderBy(asc(recipients.name));
}

/** The PI-protection officer registers a third party and its agreement (R-SHR-1). Changes are audited. */
export async function saveRecipient(ctx: Ctx, input: RecipientInput & { id?: string }, db: DbOrTx): Promise<Recipient> {
  authorizeStaff(ctx.actor, 'recipients.manage');
  if (input.agreementSignedOn && input.agreementExpiresOn && input.agreementExpiresOn < input.agreementSignedOn) {
    throw new AppError('validation_failed', 'Agreement ends before it starts', { errors: [{ pointer: '/body/agreementExpiresOn', detail: '≥ agreementSignedOn' }] });
  }
  const values = {
    name: input.name.trim(),
    type: input.type,
    integration: input.integration ?? null,
    country: input.country,
    purposes: [...new Set(input.purposes)],
    categories: [...new Set(input.categories)],
    agreementReference: input.agreementReference ?? null,
    agreementSignedOn: input.agreementSignedOn ?? null,
    agreementExpiresOn: input.agreementExpiresOn ?? null,
  };
  const saved = input.id
    ? await db.update(recipients).set(values).where(eq(recipients.id, input.id)).returning()
    : await db.insert(recipients).values({ id: newId('rcp'), ...values }).onConflictDoNothing().returning();
  const [recipient] = saved;
  if (!recipient) throw new AppError(input.id ? 'not_found' : 'conflict', 'Recipient not saved (unknown id or integration already registered)');
  await recordAudit(db, ctx, { action: input.id ? 'update' : 'create', record: `recipients/${recipient.id}`, fields: Object.keys(values) });
  return recipient;
}

export async function setRecipientStatus(ctx: Ctx, input: { id: string; status: 'active' | 'suspended' }, db: DbOrTx): Promise<void> {
  authorizeStaff(ctx.actor, 'recipients.manage');
  const updated = await db.update(recipients).set({ status: input.status }).where(eq(recipients.id, input.id)).returning({ id: recipients.id });
  if (updated.length === 0) throw new AppError('not_found', 'No such recipient');
  await recordAudit(db, ctx, { action: 'update', record: `recipients/${input.id}`, fields: ['status'] });
}
