import path from 'node:path';
import type { EmailProvider } from './email-provider.ts';
import { OutboxEmailProvider } from './outbox-email-provider.ts';

/** E-mail goes to DATA_DIR/email-outbox.jsonl: there is no SMTP adapter yet (see ARCHITECTURE.md). */
export function createEmailProvider(dataDir: string): EmailProvider {
  return new OutboxEmailProvider(path.join(dataDir, 'email-outbox.jsonl'));
}
