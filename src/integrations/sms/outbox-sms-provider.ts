import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { newId } from '../../shared/ids.ts';
import type { SmsMessage, SmsProvider, SmsReceipt } from './sms-provider.ts';

export interface OutboxEntry {
  at: string;
  to: string;
  template: SmsMessage['template'];
  params: SmsMessage['params'];
  id: string;
}

/**
 * Appends each message as one JSON line to a file, for tests and local development to read the code
 * back. The file holds phone numbers and codes: it is created readable by its owner only.
 */
export class OutboxSmsProvider implements SmsProvider {
  readonly name = 'outbox';
  readonly file: string;

  constructor(file: string) {
    this.file = file;
  }

  async send(message: SmsMessage): Promise<SmsReceipt> {
    const entry: OutboxEntry = { at: new Date().toISOString(), to: message.to, template: message.template, params: message.params, id: newId('sms') };
    await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    // One append per line (O_APPEND) keeps lines whole when several sends overlap.
    await appendFile(this.file, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
    return { provider: this.name, providerMessageId: entry.id };
  }
}

/** Every message in the outbox, oldest first; none when nothing was sent yet. */
export async function readOutbox(file: string): Promise<OutboxEntry[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isMissingFile(error)) return [];
    throw error;
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const entry: unknown = JSON.parse(line);
      // The line itself is not quoted: it holds a phone number and a code.
      if (!isOutboxEntry(entry)) throw new Error(`Line ${index + 1} of the SMS outbox is not an outbox entry`);
      return entry;
    });
}

/** The code of the last message sent to `to` (E.164), as a test would read it off the phone. */
export async function latestCodeFor(file: string, to: string): Promise<string | undefined> {
  const entries = await readOutbox(file);
  return entries.findLast((entry) => entry.to === to)?.params.code;
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

function isOutboxEntry(value: unknown): value is OutboxEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  const params = entry.params as Record<string, unknown> | null | undefined;
  return (
    typeof entry.at === 'string' &&
    typeof entry.to === 'string' &&
    typeof entry.id === 'string' &&
    entry.template === 'verification_code' &&
    typeof params === 'object' &&
    params !== null &&
    typeof params.code === 'string' &&
    typeof params.minutes === 'number'
  );
}
