import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../errors/app-error.ts';

/**
 * Versioned secret keys: data keys for field encryption (the newest encrypts, all decrypt, so a
 * rotation can re-encrypt in the background) and one key each for blind indexes and code hashing.
 * Stored in a JSON file with 0600 permissions; the embedded mode creates it on first start. A
 * production deployment should hold these in a KMS (the keyring's loader is the seam for that).
 */
export interface Keyring {
  /** Version used for new ciphertexts. */
  currentVersion: number;
  dataKey(version: number): Buffer;
  /** Key for blind indexes (keyed hashes of normalised values used for equality lookups). */
  blindIndexKey: Buffer;
  /** Key for HMAC of short secrets such as SMS codes, so a database dump does not reveal them. */
  secretHashKey: Buffer;
}

interface KeyringFile {
  format: 1;
  dataKeys: Array<{ version: number; key: string; createdAt: string }>;
  blindIndexKey: string;
  secretHashKey: string;
}

export function loadKeyring(file: string, onCreate?: (file: string) => void): Keyring {
  if (!fs.existsSync(file)) {
    createKeyringFile(file);
    onCreate?.(file);
  }
  let parsed: KeyringFile;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyringFile;
  } catch (error) {
    throw new AppError('config_invalid', 'Keyring file is unreadable', { params: { summary: `KEYRING_FILE (${file})` }, cause: error });
  }
  return keyringFrom(parsed, file);
}

function keyringFrom(parsed: KeyringFile, file: string): Keyring {
  const dataKeys = new Map(parsed.dataKeys.map((entry) => [entry.version, decodeKey(entry.key, file)]));
  const currentVersion = Math.max(...dataKeys.keys());
  return {
    currentVersion,
    dataKey(version) {
      const key = dataKeys.get(version);
      if (!key) throw new AppError('internal', `No data key of version ${version} in the keyring`);
      return key;
    },
    blindIndexKey: decodeKey(parsed.blindIndexKey, file),
    secretHashKey: decodeKey(parsed.secretHashKey, file),
  };
}

function decodeKey(encoded: string, file: string): Buffer {
  const key = Buffer.from(encoded, 'base64');
  if (key.length !== 32) throw new AppError('config_invalid', 'Keyring key is not 32 bytes', { params: { summary: `KEYRING_FILE (${file})` } });
  return key;
}

function createKeyringFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const content: KeyringFile = {
    format: 1,
    dataKeys: [{ version: 1, key: randomBytes(32).toString('base64'), createdAt: new Date().toISOString() }],
    blindIndexKey: randomBytes(32).toString('base64'),
    secretHashKey: randomBytes(32).toString('base64'),
  };
  fs.writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
}

/** An in-memory keyring with fresh random keys, for tests. */
export function ephemeralKeyring(): Keyring {
  const key = () => randomBytes(32).toString('base64');
  return keyringFrom({ format: 1, dataKeys: [{ version: 1, key: key(), createdAt: '' }], blindIndexKey: key(), secretHashKey: key() }, 'memory');
}
