import { sql } from 'drizzle-orm';
import type { SweepRule } from '../retention/sweep-rule.ts';

/**
 * Consent evidence is kept while it is the current answer and for 5 years after a newer decision
 * replaced it (proof that earlier processing was lawful). An anonymous visitor's current answer that
 * nobody renewed for 5 years goes too: the cookie that tied it to a browser is long gone.
 */
export const consentSweepRules: SweepRule[] = [
  {
    table: 'consent_records',
    keyColumn: 'id',
    rule: 'consent_evidence',
    subjectColumn: 'subject_id',
    action: { kind: 'delete' },
    expired: sql`consent_records.at < now() - interval '5 years' and not exists (select 1 from consent_state s where s.record_id = consent_records.id)`,
  },
  {
    table: 'consent_state',
    keyColumn: 'record_id',
    rule: 'consent_evidence',
    action: { kind: 'delete' },
    expired: sql`consent_state.updated_at < now() - interval '5 years' and consent_state.subject_id like 'vis\\_%'`,
  },
];
