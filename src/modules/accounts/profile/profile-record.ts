import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/types.ts';
import type { Ctx } from '../../../privacy/access/context.ts';
import { readPersonalField } from '../../../privacy/access/read-personal-field.ts';
import { blindIndex } from '../../../privacy/crypto/blind-index.ts';
import { encryptField } from '../../../privacy/crypto/field-cipher.ts';
import type { Keyring } from '../../../privacy/crypto/keyring.ts';
import { idDocumentLookupKey, type IdDocumentType } from '../../../shared/identity-documents.ts';
import type { Gender } from '../../../shared/profile-fields.ts';
import { customerProfiles } from './schema.ts';

/** The identity document as stored (encrypted as one JSON value). */
export interface StoredIdDocument {
  type: IdDocumentType;
  number: string;
  issuingCountry: string | null;
}

/** The profile's values in clear, as its owner edits them; null is "not filled in". */
export interface ProfileValues {
  name: string | null;
  gender: Gender | null;
  company: string | null;
  idDocument: StoredIdDocument | null;
  email: string | null;
  address: string | null;
  otherInfo: string | null;
}

export type ProfileField = keyof ProfileValues;
export const PROFILE_FIELDS: readonly ProfileField[] = ['name', 'gender', 'company', 'idDocument', 'email', 'address', 'otherInfo'];

type Row = typeof customerProfiles.$inferSelect;
const columns = {
  name: { key: 'nameEnc', column: 'name_enc' },
  gender: { key: 'genderEnc', column: 'gender_enc' },
  company: { key: 'companyEnc', column: 'company_enc' },
  idDocument: { key: 'idDocumentEnc', column: 'id_document_enc' },
  email: { key: 'emailEnc', column: 'email_enc' },
  address: { key: 'addressEnc', column: 'address_enc' },
  otherInfo: { key: 'otherInfoEnc', column: 'other_info_enc' },
} as const satisfies Record<ProfileField, { key: keyof Row; column: string }>;

export const EMPTY_PROFILE: ProfileValues = { name: null, gender: null, company: null, idDocument: null, email: null, address: null, otherInfo: null };

/** Decrypts the fields asked for (all by default), each through the purpose check of the catalogue. */
export async function readProfileValues(
  ctx: Ctx,
  deps: { db: DbOrTx; keyring: Keyring },
  customerId: string,
  fields: readonly ProfileField[] = PROFILE_FIELDS,
): Promise<{ values: ProfileValues; updatedAt: Date | null }> {
  const [row] = await deps.db.select().from(customerProfiles).where(eq(customerProfiles.id, customerId));
  const values: ProfileValues = { ...EMPTY_PROFILE };
  if (!row) return { values, updatedAt: null };
  for (const field of fields) {
    const stored = row[columns[field].key];
    if (stored === null) continue;
    const clear = await readPersonalField(ctx, deps, { table: 'customer_profiles', column: columns[field].column, rowId: customerId }, stored);
    Object.assign(values, { [field]: field === 'idDocument' ? (JSON.parse(clear) as StoredIdDocument) : clear });
  }
  return { values, updatedAt: row.updatedAt };
}

/** The columns to write for changed fields: each value encrypted for its column and this customer. */
export function sealProfileValues(keyring: Keyring, customerId: string, changes: Partial<ProfileValues>): Partial<Row> {
  const sealed: Partial<Row> = {};
  for (const field of Object.keys(changes) as ProfileField[]) {
    const value = changes[field];
    const { key, column } = columns[field];
    if (value === undefined) continue;
    if (value === null) {
      sealed[key] = null;
    } else {
      const clear = typeof value === 'string' ? value : JSON.stringify({ type: value.type, number: value.number, issuingCountry: value.issuingCountry });
      sealed[key] = encryptField(keyring, { table: 'customer_profiles', column, rowId: customerId }, clear);
    }
    if (field === 'idDocument') sealed.idNumberBidx = value === null ? null : idNumberBlindIndex(keyring, value as StoredIdDocument);
  }
  return sealed;
}

/** The blind index of a document (kind `id_document`), for finding it without decrypting. */
export function idNumberBlindIndex(keyring: Keyring, document: StoredIdDocument): string {
  return blindIndex(keyring, 'id_document', idDocumentLookupKey(document));
}

export function sameValue(a: ProfileValues[ProfileField], b: ProfileValues[ProfileField]): boolean {
  if (a === null || b === null || typeof a === 'string' || typeof b === 'string') return a === b;
  return a.type === b.type && a.number === b.number && a.issuingCountry === b.issuingCountry;
}
