import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { newId } from '../../shared/ids.ts';
import type { SmsMessage, SmsProvider, SmsReceipt } from './sms-provider.ts';

export type OutboxEntry = SmsMessage & { at: string; id: string };

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
    const entry = { at: new Date().toISOString(), to: message.to, template: message.template, params: message.params, id: newId('sms') } as OutboxEntry;
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
  const entry = entries.findLast((candidate) => candidate.to === to && candidate.template === 'verification_code');
  return entry?.template === 'verification_code' ? entry.params.code : undefined;
}

/** The last marketing message sent to `to` (E.164): its text and unsubscribe link, as read off the phone. */
export async function latestMarketingFor(file: string, to: string): Promise<{ text: string; unsubscribeUrl: string } | undefined> {
  const entries = await readOutbox(file);
  const entry = entries.findLast((candidate) => candidate.to === to && candidate.template === 'marketing');
  return entry?.template === 'marketing' ? entry.params : undefined;
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

function isOutboxEntry(value: unknown): value is OutboxEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  const params = entry.params as Record<string, unknown> | null | undefined;
  if (typeof entry.at !== 'string' || typeof entry.to !== 'string' || typeof entry.id !== 'string' || typeof params !== 'object' || params === null) return false;
  if (entry.template === 'verification_code') return typeof params.code === 'string' && typeof params.minutes === 'number';
  return entry.template === 'marketing' && typeof params.text === 'string' && typeof params.unsubscribeUrl === 'string';
}
