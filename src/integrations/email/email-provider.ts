/** One e-mail to one person. Plain text only: nothing in it loads from elsewhere or tracks opening. */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  /** A marketing e-mail's one-click unsubscribe link, also sent as List-Unsubscribe (RFC 2369). */
  unsubscribeUrl?: string;
}

export interface EmailReceipt {
  provider: string;
  providerMessageId: string;
}

export interface EmailProvider {
  readonly name: string;
  /** For services outside the platform: the integration the disclosure registry knows it under. */
  readonly recipientIntegration?: string;
  send(message: EmailMessage): Promise<EmailReceipt>;
}
