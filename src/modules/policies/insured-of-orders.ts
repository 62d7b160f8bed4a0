import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { maskIdNumber } from '../../privacy/access/masking.ts';
import { readPersonalField } from '../../privacy/access/read-personal-field.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import type { PartyValues } from '../orders/order-parties.ts';
import { orderParties } from '../orders/schema.ts';

/** An insured person as a list of policies shows them: the name in full, the document masked. */
export interface ListedInsured {
  name: string;
  idMasked: string;
}

type PartyRow = Pick<typeof orderParties.$inferSelect, 'id' | 'nameEnc' | 'idDocumentEnc' | 'passportNumberEnc'>;

/**
 * The insured persons of several orders with one query, in their order on each application — a
 * page of policies used to read them order by order (issue 7). Only the name and the documents are
 * decrypted, each through the purpose check of the catalogue; the number is masked at once.
 */
export async function insuredOfOrders(ctx: Ctx, deps: { db: DbOrTx; keyring: Keyring }, orderIds: readonly string[]): Promise<Map<string, ListedInsured[]>> {
  const byOrder = new Map<string, ListedInsured[]>();
  if (orderIds.length === 0) return byOrder;
  const rows = await deps.db
    .select({ orderId: orderParties.orderId, id: orderParties.id, nameEnc: orderParties.nameEnc, idDocumentEnc: orderParties.idDocumentEnc, passportNumberEnc: orderParties.passportNumberEnc })
    .from(orderParties)
    .where(and(inArray(orderParties.orderId, [...orderIds]), eq(orderParties.role, 'insured')))
    .orderBy(asc(orderParties.insuredPosition), asc(orderParties.position));
  for (const row of rows) {
    const listed = byOrder.get(row.orderId) ?? [];
    listed.push(await listedInsured(ctx, deps, row));
    byOrder.set(row.orderId, listed);
  }
  return byOrder;
}

/** The travel document when there is one, else the identity document: what the person travels with. */
async function listedInsured(ctx: Ctx, deps: { db: DbOrTx; keyring: Keyring }, row: PartyRow): Promise<ListedInsured> {
  const read = (column: { name: string }, stored: string | null) =>
    stored === null ? Promise.resolve(null) : readPersonalField(ctx, deps, { table: 'order_parties', column: column.name, rowId: row.id }, stored);
  const name = await read(orderParties.nameEnc, row.nameEnc);
  const passport = await read(orderParties.passportNumberEnc, row.passportNumberEnc);
  const document = passport ?? (await read(orderParties.idDocumentEnc, row.idDocumentEnc));
  // Both documents are stored as JSON objects with their number (PartyValues of order-parties.ts).
  const number = document === null ? null : (JSON.parse(document) as Pick<NonNullable<PartyValues['passport']>, 'number'>).number;
  return { name: name ?? '—', idMasked: number ? maskIdNumber(number) : '—' };
}
