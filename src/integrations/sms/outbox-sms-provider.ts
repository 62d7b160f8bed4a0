import { newId } from '../../shared/ids.ts';
import { appendOutboxLine, readOutboxLines } from '../jsonl-outbox.ts';
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
    const entry: OutboxEntry = { ...message, at: new Date().toISOString(), id: newId('sms') };
    await appendOutboxLine(this.file, entry);
    return { provider: this.name, providerMessageId: entry.id };
  }
}

/** Every message in the outbox, oldest first; none when nothing was sent yet. */
export function readOutbox(file: string): Promise<OutboxEntry[]> {
  return readOutboxLines(file, isOutboxEntry, 'SMS');
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

function isOutboxEntry(value: unknown): value is OutboxEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  const params = entry.params as Record<string, unknown> | null | undefined;
  if (typeof entry.at !== 'string' || typeof entry.to !== 'string' || typeof entry.id !== 'string' || typeof params !== 'object' || params === null) return false;
  if (entry.template === 'verification_code') return typeof params.code === 'string' && typeof params.minutes === 'number';
  return entry.template === 'marketing' && typeof params.text === 'string' && typeof params.unsubscribeUrl === 'string';
}
