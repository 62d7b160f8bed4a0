import type { ParseKeys } from 'i18next';

/*
 * The privacy vocabulary the server speaks in codes (purposes, legal bases, kinds of recipient, audit
 * actions…), with the translation key that says each in words. Copies of the server's lists (the web
 * app does not import server modules); privacyTerms.test.ts fails when they drift apart. A code this
 * build does not know yet has no key and is shown as it is, rather than hidden.
 */

export const PURPOSES = [
  'account',
  'purchase',
  'policy_service',
  'claims',
  'customer_service',
  'fraud_prevention',
  'security',
  'marketing',
  'personalization',
  'analytics',
  'legal_obligation',
] as const;
export type Purpose = (typeof PURPOSES)[number];

export const LEGAL_BASES = ['consent', 'contract', 'hr_management', 'legal_obligation', 'public_health', 'public_interest_reporting', 'publicly_disclosed'] as const;

export const RECIPIENT_TYPES = ['insurer', 'investigator', 'loss_adjuster', 'payment_provider', 'sms_provider', 'email_provider', 'assistance_provider', 'affiliate'] as const;
export type RecipientType = (typeof RECIPIENT_TYPES)[number];

export const AUDIT_ACTIONS = ['read', 'unmask', 'create', 'update', 'delete', 'export', 'disclose', 'login', 'refused'] as const;

export const ACTOR_TYPES = ['anonymous', 'guest', 'customer', 'staff', 'partner', 'system'] as const;

export const STORED_AS = ['encrypted', 'keyed_hash', 'hash', 'plain'] as const;

export const AUDIT_PROBLEM_KINDS = ['altered', 'missing', 'reordered', 'truncated', 'checkpoint_forged'] as const;

export const ALERT_KINDS = ['bulk_read', 'off_hours'] as const;

/** Field names that appear in disclosures and audit entries and that people should read in words. */
export const KNOWN_FIELDS = ['phone', 'phone_masked'] as const;

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

export const purposeKey = (value: string): ParseKeys | undefined => (isOneOf(PURPOSES, value) ? `privacyTerms.purposes.${value}` : undefined);
export const legalBasisKey = (value: string): ParseKeys | undefined => (isOneOf(LEGAL_BASES, value) ? `privacyTerms.legalBases.${value}` : undefined);
export const recipientTypeKey = (value: string): ParseKeys | undefined => (isOneOf(RECIPIENT_TYPES, value) ? `privacyTerms.recipientTypes.${value}` : undefined);
export const auditActionKey = (value: string): ParseKeys | undefined => (isOneOf(AUDIT_ACTIONS, value) ? `privacyTerms.auditActions.${value}` : undefined);
export const actorTypeKey = (value: string): ParseKeys | undefined => (isOneOf(ACTOR_TYPES, value) ? `privacyTerms.actorTypes.${value}` : undefined);
export const storedAsKey = (value: string): ParseKeys | undefined => (isOneOf(STORED_AS, value) ? `privacyTerms.storedAs.${value}` : undefined);
export const auditProblemKey = (value: string): ParseKeys | undefined => (isOneOf(AUDIT_PROBLEM_KINDS, value) ? `privacyTerms.auditProblems.${value}` : undefined);
export const alertKindKey = (value: string): ParseKeys | undefined => (isOneOf(ALERT_KINDS, value) ? `privacyTerms.alertKinds.${value}` : undefined);
export const fieldKey = (value: string): ParseKeys | undefined => (isOneOf(KNOWN_FIELDS, value) ? `privacyTerms.fields.${value}` : undefined);
