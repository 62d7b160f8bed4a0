import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors/app-error.ts';

const LOCK_FILE = 'besttrav.lock';

/**
 * An exclusive lock on a directory through a lock file holding the owner's pid. A lock left by a
 * process that no longer runs (a crash, kill -9) is taken over.
 */
export function acquireDirectoryLock(directory: string): { release(): void } {
  const file = path.join(directory, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx', mode: 0o600 });
      return { release: () => releaseLock(file) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(file, 'utf8'));
      if (isRunning(owner) && owner !== process.pid) {
        throw new AppError('database_unreachable', `Data directory is in use by process ${owner}`, {
          params: { reason: `another Besttrav process (pid ${owner}) is using ${directory}; stop it or choose another DATA_DIR` },
        });
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new AppError('database_unreachable', 'Could not lock the data directory', {
    params: { reason: `could not lock ${directory}` },
  });
}

function releaseLock(file: string): void {
  try {
    if (Number(fs.readFileSync(file, 'utf8')) === process.pid) fs.rmSync(file, { force: true });
  } catch {
    // Already gone: nothing to release.
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
