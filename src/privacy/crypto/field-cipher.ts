import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../../errors/app-error.ts';
import type { Keyring } from './keyring.ts';

/** Where a value lives. Bound into the ciphertext so a value copied elsewhere fails to decrypt. */
export interface FieldLocation {
  table: string;
  column: string;
  rowId: string;
}

const FORMAT = 'f1';
const TAG_BYTES = 16;

/**
 * AES-256-GCM encryption of one field value: `f1.<keyVersion>.<iv>.<ciphertext+tag>` (base64url).
 * The table, column and row id are the additional authenticated data.
 */
export function encryptField(keyring: Keyring, location: FieldLocation, plaintext: string): string {
  return encryptFieldBytes(keyring, location, Buffer.from(plaintext, 'utf8'));
}

export function decryptField(keyring: Keyring, location: FieldLocation, stored: string): string {
  return decryptFieldBytes(keyring, location, stored).toString('utf8');
}

/**
 * The same envelope for a binary value (a kept PDF): the bytes are encrypted as they are, where a
 * text of their base64 would be a third longer before the envelope's own base64url. Text and bytes
 * ciphertexts are alike, so key rotation and keyVersionOf treat both the same.
 */
export function encryptFieldBytes(keyring: Keyring, location: FieldLocation, plaintext: Uint8Array): string {
  const version = keyring.currentVersion;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyring.dataKey(version), iv);
  cipher.setAAD(aadOf(location));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return [FORMAT, version, iv.toString('base64url'), body.toString('base64url')].join('.');
}

export function decryptFieldBytes(keyring: Keyring, location: FieldLocation, stored: string): Buffer {
  const [format, version, iv, body] = stored.split('.');
  if (format !== FORMAT || !version || !iv || !body) throw new AppError('internal', 'Stored value is not a field ciphertext');
  const bytes = Buffer.from(body, 'base64url');
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyring.dataKey(Number(version)), Buffer.from(iv, 'base64url'));
    decipher.setAAD(aadOf(location));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const clear = decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES));
    const rest = decipher.final();
    // GCM gives everything from update(): no copy of a large value for an empty final block.
    return rest.length === 0 ? clear : Buffer.concat([clear, rest]);
  } catch (error) {
    throw new AppError('internal', `Field ${location.table}.${location.column} of ${location.rowId} failed to decrypt`, { cause: error });
  }
}

/** The key version a stored ciphertext was made with (for rotation). */
export function keyVersionOf(stored: string): number {
  return Number(stored.split('.')[1]);
}

function aadOf(location: FieldLocation): Buffer {
  return Buffer.from(`${location.table}\u0000${location.column}\u0000${location.rowId}`, 'utf8');
}
