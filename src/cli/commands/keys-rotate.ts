import { loadConfig } from '../../config/load-config.ts';
import { openDatabase } from '../../db/open-database.ts';
import { systemCtx } from '../../privacy/access/context.ts';
import { addDataKeyVersion, keyringFromConfig } from '../../privacy/crypto/keyring.ts';
import { AppError } from '../../errors/app-error.ts';
import { rotateDataKeys } from '../../privacy/crypto/rotate-data-keys.ts';

/**
 * `besttrav keys:rotate`: adds a data-key version and re-encrypts every encrypted field with it, with
 * progress. `--resume` skips adding a key and finishes an interrupted rotation. On PostgreSQL the
 * servers keep serving meanwhile (they pick the new key up from the key file); the embedded database
 * allows one process at a time, so stop the server first.
 */
export async function keysRotateCommand(options: { resume?: boolean }): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    if (config.keyringJson !== undefined && !options.resume) {
      throw new AppError('config_invalid', 'Keys come from KEYRING_JSON', {
        params: { summary: 'KEYRING_JSON: add a key version in your secret store, restart, then run `besttrav keys:rotate --resume`' },
      });
    }
    const keyring = keyringFromConfig(config);
    if (!options.resume) console.log(`Added data key version ${addDataKeyVersion(config.keyringFile)} to ${config.keyringFile}.`);
    keyring.refresh();
    const result = await rotateDataKeys(systemCtx('cli.keys-rotate', 'security'), { db: database.db, keyring }, ({ done, total }) => {
      process.stdout.write(`  re-encrypted ${done} of ${total} fields\n`);
    });
    console.log(`Rotation finished: ${result.done} field${result.done === 1 ? '' : 's'} now under key version ${keyring.currentVersion} (task ${result.taskId}). Older versions stay in the key file for backups.`);
  } finally {
    await database.close();
  }
}
