import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { maskIdNumber } from '../../privacy/access/masking.ts';
import { readPersonalField } from '../../privacy/access/read-personal-field.ts';
import { encryptField } from '../../privacy/crypto/field-cipher.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import type { Sex } from '../../shared/identity-documents.ts';
import { idNumberBlindIndex, type StoredIdDocument } from '../accounts/profile/profile-record.ts';
import { orderParties } from './schema.ts';

/** One person of an order in clear: only what the product asked is present. */
export interface PartyValues {
  name?: string;
  namePinyin?: string;
  idDocument?: StoredIdDocument;
  passport?: { number: string; country: string };
  birthDate?: string;
  sex?: Sex;
  phone?: string;
  email?: string;
  occupationClass?: number;
  healthAnswers?: Record<string, boolean>;
}

export interface Party {
  id: string;
  role: 'policyholder' | 'insured' | 'beneficiary';
  position: number;
  insuredPosition: number | null;
  relationship: string | null;
  sharePercent: number | null;
  values: PartyValues;
}

type Row = typeof orderParties.$inferSelect;
type Field = keyof PartyValues;
const columns = {
  name: { key: 'nameEnc', column: 'name_enc' },
  namePinyin: { key: 'namePinyinEnc', column: 'name_pinyin_enc' },
  idDocument: { key: 'idDocumentEnc', column: 'id_document_enc' },
  passport: { key: 'passportNumberEnc', column: 'passport_number_enc' },
  birthDate: { key: 'birthDateEnc', column: 'birth_date_enc' },
  sex: { key: 'sexEnc', column: 'sex_enc' },
  phone: { key: 'phoneEnc', column: 'phone_enc' },
  email: { key: 'emailEnc', column: 'email_enc' },
  occupationClass: { key: 'occupationClassEnc', column: 'occupation_class_enc' },
  healthAnswers: { key: 'healthAnswersEnc', column: 'health_answers_enc' },
} as const satisfies Record<Field, { key: keyof Row; column: string }>;
const FIELDS = Object.keys(columns) as Field[];
// As an application reads: the policyholder, the insured persons, then their beneficiaries.
const ROLE_ORDER: readonly Party['role'][] = ['policyholder', 'insured', 'beneficiary'];
// Values that are not plain text are stored as JSON.
const JSON_FIELDS = new Set<Field>(['idDocument', 'passport', 'occupationClass', 'healthAnswers']);

/** The row of one party: every value encrypted for its column and this row, the document blind-indexed. */
export function sealParty(keyring: Keyring, party: Omit<Party, 'values'> & { orderId: string }, values: PartyValues): typeof orderParties.$inferInsert {
  const row: typeof orderParties.$inferInsert = { ...party };
  for (const field of FIELDS) {
    const value = values[field];
    if (value === undefined) continue;
    const clear = JSON_FIELDS.has(field) ? JSON.stringify(value) : String(value);
    Object.assign(row, { [columns[field].key]: encryptField(keyring, { table: 'order_parties', column: columns[field].column, rowId: party.id }, clear) });
  }
  if (values.idDocument) row.idNumberBidx = idNumberBlindIndex(keyring, values.idDocument);
  return row;
}

/**
 * The parties of an order, decrypted field by field through the purpose check of the catalogue
 * (`fields` limits what is decrypted: a page that shows names reads no health answers).
 */
export async function readParties(ctx: Ctx, deps: { db: DbOrTx; keyring: Keyring }, orderId: string, fields: readonly Field[] = FIELDS): Promise<Party[]> {
  return (await readPartiesOfOrders(ctx, deps, [orderId], fields)).get(orderId) ?? [];
}

/**
 * The parties of several orders with one query (a page of policies), by order, each in application
 * order; `role` keeps only those of one role (the insured of a list). Decrypted as `readParties`.
 */
export async function readPartiesOfOrders(
  ctx: Ctx,
  deps: { db: DbOrTx; keyring: Keyring },
  orderIds: readonly string[],
  fields: readonly Field[] = FIELDS,
  options: { role?: Party['role'] } = {},
): Promise<Map<string, Party[]>> {
  const byOrder = new Map<string, Party[]>();
  if (orderIds.length === 0) return byOrder;
  const conditions = [inArray(orderParties.orderId, [...orderIds]), ...(options.role ? [eq(orderParties.role, options.role)] : [])];
  const rows = (await deps.db.select().from(orderParties).where(and(...conditions)).orderBy(asc(orderParties.insuredPosition), asc(orderParties.position))).sort(
    (a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role),
  );
  for (const row of rows) {
    const values: PartyValues = {};
    for (const field of fields) {
      const stored = row[columns[field].key];
      if (stored === null) continue;
      const clear = await readPersonalField(ctx, deps, { table: 'order_parties', column: columns[field].column, rowId: row.id }, stored);
      Object.assign(values, { [field]: JSON_FIELDS.has(field) ? JSON.parse(clear) : clear });
    }
    const parties = byOrder.get(row.orderId) ?? [];
    parties.push({ id: row.id, role: row.role, position: row.position, insuredPosition: row.insuredPosition, relationship: row.relationship, sharePercent: row.sharePercent, values });
    byOrder.set(row.orderId, parties);
  }
  return byOrder;
}

/** The document a person travels with, masked: the passport when there is one, else the identity document. */
export function maskedDocumentOf(values: PartyValues): string {
  const number = values.passport?.number ?? values.idDocument?.number;
  return number ? maskIdNumber(number) : '—';
}
