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
  readonly currentVersion: number;
  /** Re-reads the key file (a rotation in another process added a version). */
  refresh(): void;
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
  return keyringFrom(readKeyringFile(file), file, () => readKeyringFile(file));
}

function readKeyringFile(file: string): KeyringFile {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as KeyringFile;
  } catch (error) {
    throw new AppError('config_invalid', 'Keyring file is unreadable', { params: { summary: `KEYRING_FILE (${file})` }, cause: error });
  }
}

function keyringFrom(parsed: KeyringFile, file: string, reread?: () => KeyringFile): Keyring {
  let dataKeys = decodeDataKeys(parsed, file);
  const keyring = {
    currentVersion: Math.max(...dataKeys.keys()),
    refresh() {
      if (!reread) return;
      dataKeys = decodeDataKeys(reread(), file);
      keyring.currentVersion = Math.max(...dataKeys.keys());
    },
    dataKey(version: number) {
      // A ciphertext newer than our copy of the keyring: another process rotated; read the file again.
      if (!dataKeys.has(version)) keyring.refresh();
      const key = dataKeys.get(version);
      if (!key) throw new AppError('internal', `No data key of version ${version} in the keyring`);
      return key;
    },
    blindIndexKey: decodeKey(parsed.blindIndexKey, file),
    secretHashKey: decodeKey(parsed.secretHashKey, file),
  };
  return keyring;
}

function decodeDataKeys(parsed: KeyringFile, file: string): Map<number, Buffer> {
  return new Map(parsed.dataKeys.map((entry) => [entry.version, decodeKey(entry.key, file)]));
}

/** Adds a new data-key version to the key file (atomically) and returns it. Older versions stay. */
export function addDataKeyVersion(file: string): number {
  const parsed = readKeyringFile(file);
  const version = Math.max(...parsed.dataKeys.map((entry) => entry.version)) + 1;
  parsed.dataKeys.push({ version, key: randomBytes(32).toString('base64'), createdAt: new Date().toISOString() });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(parsed, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(temporary, file);
  return version;
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

/**
 * The keyring from configuration (KEYRING_JSON) or, by default, from the key file. Configuration
 * wins: a deployment that keeps secrets in a secret store never writes keys to disk.
 */
export function keyringFromConfig(config: { keyringFile: string; keyringJson: string | undefined }, onCreate?: (file: string) => void): Keyring {
  if (config.keyringJson === undefined) return loadKeyring(config.keyringFile, onCreate);
  let parsed: KeyringFile;
  try {
    parsed = JSON.parse(config.keyringJson) as KeyringFile;
  } catch (error) {
    throw new AppError('config_invalid', 'KEYRING_JSON is not JSON', { params: { summary: 'KEYRING_JSON' }, cause: error });
  }
  return keyringFrom(parsed, 'KEYRING_JSON');
}

/** An in-memory keyring with fresh random keys, for tests. */
export function ephemeralKeyring(): Keyring {
  const key = () => randomBytes(32).toString('base64');
  return keyringFrom({ format: 1, dataKeys: [{ version: 1, key: key(), createdAt: '' }], blindIndexKey: key(), secretHashKey: key() }, 'memory');
}
