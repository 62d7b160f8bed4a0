import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { newId } from '../../shared/ids.ts';
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
    await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    await appendFile(this.file, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
    return { provider: this.name, providerMessageId: entry.id };
  }
}

/** Every e-mail in the outbox, oldest first; none when nothing was sent yet. */
export async function readEmailOutbox(file: string): Promise<EmailOutboxEntry[]> {
  try {
    const text = await readFile(file, 'utf8');
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as EmailOutboxEntry);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return [];
    throw error;
  }
}
