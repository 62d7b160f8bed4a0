import { newId } from '../../shared/ids.ts';
import { appendOutboxLine, readOutboxLines } from '../jsonl-outbox.ts';
import type { EmailMessage, EmailProvider, EmailReceipt } from './email-provider.ts';

export type EmailOutboxEntry = EmailMessage & { at: string; id: string; headers: Record<string, string> };

/**
 * Writes each e-mail as one JSON line to a file instead of sending it — the only e-mail provider until
 * an SMTP adapter exists, and what tests and local development read messages back from. The file
 * holds addresses: it is created readable by its owner only.
 */
export class OutboxEmailProvider implements EmailProvider {
  readonly name = 'outbox';
  readonly file: string;

  constructor(file: string) {
    this.file = file;
  }

  async send(message: EmailMessage): Promise<EmailReceipt> {
    const headers: Record<string, string> = message.unsubscribeUrl
      ? { 'List-Unsubscribe': `<${message.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
      : {};
    const entry: EmailOutboxEntry = { ...message, headers, at: new Date().toISOString(), id: newId('eml') };
    await appendOutboxLine(this.file, entry);
    return { provider: this.name, providerMessageId: entry.id };
  }
}

/** Every e-mail in the outbox, oldest first; none when nothing was sent yet. */
export function readEmailOutbox(file: string): Promise<EmailOutboxEntry[]> {
  return readOutboxLines(file, isEmailOutboxEntry, 'e-mail');
}

function isEmailOutboxEntry(value: unknown): value is EmailOutboxEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return typeof entry.to === 'string' && typeof entry.subject === 'string' && typeof entry.text === 'string' && typeof entry.id === 'string';
}
