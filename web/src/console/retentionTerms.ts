import type { ParseKeys } from 'i18next';

/*
 * The kinds of legal hold, copied from the server (src/privacy/retention/schema.ts: the web app does
 * not import server modules); retentionTerms.test.ts fails when the lists drift apart.
 */
export const LEGAL_HOLD_KINDS = ['insurance_record', 'dispute', 'litigation', 'regulatory_inquiry'] as const;

/** What staff may place: insurance-record holds are placed by the insurance domain itself. */
export const PLACEABLE_HOLD_KINDS = ['dispute', 'litigation', 'regulatory_inquiry'] as const satisfies ReadonlyArray<(typeof LEGAL_HOLD_KINDS)[number]>;

const isHoldKind = (value: string): value is (typeof LEGAL_HOLD_KINDS)[number] => (LEGAL_HOLD_KINDS as readonly string[]).includes(value);

export const holdKindKey = (value: string): ParseKeys | undefined => (isHoldKind(value) ? `console.retention.kinds.${value}` : undefined);
