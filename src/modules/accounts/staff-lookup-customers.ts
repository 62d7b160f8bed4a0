import { eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import type { Db } from '../../db/types.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { maskPhone } from '../../privacy/access/masking.ts';
import { recordAudit } from '../../privacy/audit/record-audit.ts';
import { blindIndex } from '../../privacy/crypto/blind-index.ts';
import { readPersonalField } from '../../privacy/access/read-personal-field.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import { authorizeStaff } from '../staff/policies.ts';
import { normaliseMobile } from './phone.ts';
import { customers } from './schema.ts';

export interface CustomerCard {
  customerId: string;
  phoneMasked: string;
  status: 'active' | 'closed' | 'anonymised';
  createdAt: Date;
  lastSignInAt: Date | null;
}

const phoneLocation = (customerId: string) => ({ table: 'customers', column: 'phone_enc', rowId: customerId });

/**
 * Customer service finds a caller's account by the number they give (exact match through the blind
 * index — no browsing). The staff member sees the number masked; the read is audited (R-SEC-3, R-SEC-5).
 */
export async function staffFindCustomerByPhone(ctx: Ctx, input: { phone: string }, deps: { db: Db; keyring: Keyring }): Promise<CustomerCard[]> {
  authorizeStaff(ctx.actor, 'customers.lookup');
  const phoneKey = blindIndex(deps.keyring, 'phone', normaliseMobile(input.phone));
  const rows = await deps.db.select().from(customers).where(eq(customers.phoneBidx, phoneKey));
  // Recorded (committed) before anything is shown.
  await Promise.all(rows.map((row) => recordAudit(deps.db, ctx, { action: 'read', subjectId: row.id, record: `customers/${row.id}`, fields: ['phone_masked'] })));
  const cards: CustomerCard[] = [];
  for (const row of rows) {
    // The blind index of an anonymised account matches no number, so every row here has its phone.
    if (row.phoneEnc === null) continue;
    const phone = await readPersonalField(ctx, deps, phoneLocation(row.id), row.phoneEnc);
    cards.push({ customerId: row.id, phoneMasked: maskPhone(phone), status: row.status, createdAt: row.createdAt, lastSignInAt: row.lastSignInAt });
  }
  return cards;
}

/**
 * Shows one full value to a staff member who typed why they need it. Refusals are audited too: an
 * attempt without a reason or without the right role is itself worth knowing about.
 */
export async function staffUnmaskCustomerPhone(ctx: Ctx, input: { customerId: string }, deps: { db: Db; keyring: Keyring }): Promise<string> {
  const record = `customers/${input.customerId}`;
  try {
    authorizeStaff(ctx.actor, 'customers.unmask');
  } catch (error) {
    await recordAudit(deps.db, ctx, { action: 'refused', subjectId: input.customerId, record, fields: ['phone'] });
    throw error;
  }
  if ((ctx.reason?.trim().length ?? 0) < 5) {
    await recordAudit(deps.db, ctx, { action: 'refused', subjectId: input.customerId, record, fields: ['phone'] });
    throw new AppError('reason_required', 'Unmask without a reason');
  }
  const [row] = await deps.db.select({ phoneEnc: customers.phoneEnc }).from(customers).where(eq(customers.id, input.customerId));
  if (!row || row.phoneEnc === null) throw new AppError('not_found', 'No such customer');
  // Recorded (committed) before the value is shown.
  await recordAudit(deps.db, ctx, { action: 'unmask', subjectId: input.customerId, record, fields: ['phone'] });
  return readPersonalField(ctx, deps, phoneLocation(input.customerId), row.phoneEnc);
}
