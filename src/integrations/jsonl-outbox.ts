import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The file outboxes of the message providers (SMS, e-mail): one JSON line per message, for tests and
 * local development to read back. The files hold phone numbers, addresses and codes, so the folder is
 * created for the owner only and the file readable by its owner only. One append per line (O_APPEND)
 * keeps lines whole when several sends overlap.
 */
export async function appendOutboxLine(file: string, entry: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await appendFile(file, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
}

/**
 * Every entry of an outbox, oldest first; none when nothing was sent yet. A line that is not an
 * entry throws with its number only: the line itself holds personal information.
 */
export async function readOutboxLines<T>(file: string, isEntry: (value: unknown) => value is T, what: string): Promise<T[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const entry: unknown = JSON.parse(line);
      if (!isEntry(entry)) throw new Error(`Line ${index + 1} of the ${what} outbox is not an outbox entry`);
      return entry;
    });
}
