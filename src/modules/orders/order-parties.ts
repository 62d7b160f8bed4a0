import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
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

type Field = keyof PartyValues;
// Where each value is kept; the ciphertext is bound to the column's name (columnOf).
const columnKeys = {
  name: 'nameEnc',
  namePinyin: 'namePinyinEnc',
  idDocument: 'idDocumentEnc',
  passport: 'passportNumberEnc',
  birthDate: 'birthDateEnc',
  sex: 'sexEnc',
  phone: 'phoneEnc',
  email: 'emailEnc',
  occupationClass: 'occupationClassEnc',
  healthAnswers: 'healthAnswersEnc',
} as const satisfies Record<Field, keyof typeof orderParties.$inferSelect>;
const columnOf = (field: Field) => orderParties[columnKeys[field]];
const locationOf = (field: Field, rowId: string) => ({ table: 'order_parties', column: columnOf(field).name, rowId });
const FIELDS = Object.keys(columnKeys) as Field[];
// As an application reads: the policyholder, the insured persons, then their beneficiaries.
const ROLE_ORDER: readonly Party['role'][] = ['policyholder', 'insured', 'beneficiary'];
// Values that are not plain text are stored as JSON.
const JSON_FIELDS = new Set<Field>(['idDocument', 'passport', 'occupationClass', 'healthAnswers']);

/** A party as read from the database: who it is in the order, and the ciphertexts of the fields asked for. */
export type SealedParty = Omit<Party, 'values'> & { [F in Field]?: string | null };

export interface ReadPartiesOptions {
  /** Only the parties of one role (the insured of a list). */
  role?: Party['role'];
  /**
   * Decrypt the identity document only where there is no passport: what maskedDocumentOf shows,
   * for a page that shows nothing else of either (a list of names with one masked number each).
   */
  shownDocumentOnly?: boolean;
}

interface ReadDeps {
  db: DbOrTx;
  keyring: Keyring;
}

// Who a party is in its order: read with every party, whatever fields are decrypted.
const partyColumns = {
  id: orderParties.id,
  role: orderParties.role,
  position: orderParties.position,
  insuredPosition: orderParties.insuredPosition,
  relationship: orderParties.relationship,
  sharePercent: orderParties.sharePercent,
};

const ofRole = (options: Pick<ReadPartiesOptions, 'role'>) => (options.role ? eq(orderParties.role, options.role) : undefined);

/** The row of one party: every value encrypted for its column and this row, the document blind-indexed. */
export function sealParty(keyring: Keyring, party: Omit<Party, 'values'> & { orderId: string }, values: PartyValues): typeof orderParties.$inferInsert {
  const row: typeof orderParties.$inferInsert = { ...party };
  for (const field of FIELDS) {
    const value = values[field];
    if (value === undefined) continue;
    const clear = JSON_FIELDS.has(field) ? JSON.stringify(value) : String(value);
    Object.assign(row, { [columnKeys[field]]: encryptField(keyring, locationOf(field, party.id), clear) });
  }
  if (values.idDocument) row.idNumberBidx = idNumberBlindIndex(keyring, values.idDocument);
  return row;
}

/**
 * The parties of an order, decrypted field by field through the purpose check of the catalogue.
 * Only the columns of `fields` are read (a page that shows names reads no health answers); a page
 * of several orders reads its people with them instead (sealedPartiesOf).
 */
export async function readParties(ctx: Ctx, deps: ReadDeps, orderId: string, fields: readonly Field[] = FIELDS, options: ReadPartiesOptions = {}): Promise<Party[]> {
  const rows = await deps.db
    .select({ ...partyColumns, ...Object.fromEntries(fields.map((field) => [field, columnOf(field)])) })
    .from(orderParties)
    .where(and(eq(orderParties.orderId, orderId), ofRole(options)))
    .orderBy(asc(orderParties.insuredPosition), asc(orderParties.position));
  return openParties(ctx, deps, rows, fields, options);
}

/**
 * The parties of the order whose id is `orderId` (a column of the enclosing query), sealed, as one
 * JSON value of that query: the people of a page come with its orders in the same statement, and
 * openParties decrypts them. Only the columns of `fields`; ordered as readParties orders.
 */
export function sealedPartiesOf(orderId: AnyPgColumn, fields: readonly Field[], options: Pick<ReadPartiesOptions, 'role'> = {}): SQL<SealedParty[]> {
  const pairs = [...Object.entries(partyColumns), ...fields.map((field) => [field, columnOf(field)] as const)].map(([key, column]) => sql`${sql.raw(`'${key}'`)}, ${column}`);
  return sql<SealedParty[]>`(select coalesce(json_agg(json_build_object(${sql.join(pairs, sql`, `)}) order by ${orderParties.insuredPosition}, ${orderParties.position}), '[]'::json) from ${orderParties} where ${and(eq(orderParties.orderId, orderId), ofRole(options))})`;
}

/**
 * Sealed parties decrypted field by field through the purpose check of the catalogue, in
 * application order (the policyholder, the insured persons, then their beneficiaries).
 */
export async function openParties(ctx: Ctx, deps: ReadDeps, sealed: readonly SealedParty[], fields: readonly Field[], options: ReadPartiesOptions = {}): Promise<Party[]> {
  const parties: Party[] = [];
  for (const row of [...sealed].sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role))) {
    const values: PartyValues = {};
    for (const field of fields) {
      const stored = row[field];
      if (stored === null || stored === undefined) continue;
      if (field === 'idDocument' && options.shownDocumentOnly && row.passport) continue;
      const clear = await readPersonalField(ctx, deps, locationOf(field, row.id), stored);
      Object.assign(values, { [field]: JSON_FIELDS.has(field) ? JSON.parse(clear) : clear });
    }
    parties.push({ id: row.id, role: row.role, position: row.position, insuredPosition: row.insuredPosition, relationship: row.relationship, sharePercent: row.sharePercent, values });
  }
  return parties;
}

/** The document a person travels with, masked: the passport when there is one, else the identity document. */
export function maskedDocumentOf(values: PartyValues): string {
  const number = values.passport?.number ?? values.idDocument?.number;
  return number ? maskIdNumber(number) : '—';
}
