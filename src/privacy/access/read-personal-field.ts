import { AppError } from '../../errors/app-error.ts';
import type { DbOrTx } from '../../db/types.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { columnCatalogue } from '../catalogue/classify.ts';
import { decryptField, decryptFieldBytes, type FieldLocation } from '../crypto/field-cipher.ts';
import type { Keyring } from '../crypto/keyring.ts';
import type { Ctx } from './context.ts';

interface ReadDeps {
  db: DbOrTx;
  keyring: Keyring;
}

/**
 * The one way to read an encrypted personal field: the purpose of the context must be one the
 * catalogue declares for that column (R-USE-1) — using data for an undeclared purpose is refused and
 * the refusal audited. Who may act at all is the use case's check (policies); this is the purpose's.
 */
export async function readPersonalField(ctx: Ctx, deps: ReadDeps, location: FieldLocation, stored: string): Promise<string> {
  await checkPurpose(ctx, deps, location);
  return decryptField(deps.keyring, location, stored);
}

/** readPersonalField for a field encrypted as bytes (encryptFieldBytes: a kept PDF), under the same purpose check. */
export async function readPersonalFieldBytes(ctx: Ctx, deps: ReadDeps, location: FieldLocation, stored: string): Promise<Buffer> {
  await checkPurpose(ctx, deps, location);
  return decryptFieldBytes(deps.keyring, location, stored);
}

async function checkPurpose(ctx: Ctx, deps: ReadDeps, location: FieldLocation): Promise<void> {
  const classification = columnCatalogue.get(location.table)?.get(location.column);
  if (!classification || classification.kind !== 'personal' || classification.storedAs !== 'encrypted') {
    throw new AppError('internal', `${location.table}.${location.column} is not a catalogued encrypted field`);
  }
  if (!classification.purposes.includes(ctx.purpose)) {
    await recordAudit(deps.db, ctx, { action: 'refused', subjectId: location.rowId, record: `${location.table}/${location.rowId}`, fields: [location.column] });
    throw new AppError('forbidden', `Purpose ${ctx.purpose} is not declared for ${location.table}.${location.column}`);
  }
}
