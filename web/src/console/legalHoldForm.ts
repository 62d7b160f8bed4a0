import type { LegalHoldInput } from '../api/types';
import { beijingInputToIso } from '../shared/beijingTime';

/** The place-hold form's values: text inputs hold "" where the API wants the property left out. */
export interface LegalHoldFields {
  subjectId: string;
  recordTable: string;
  recordId: string;
  kind: string | undefined;
  reference: string;
  /** A calendar date (YYYY-MM-DD) from a date input, or "". */
  retainUntil: string;
  reason: string;
}

// The server's patterns (src/http/routes/console/retention.ts), so most mistakes are caught before sending.
export const CUSTOMER_ID = /^cus_[0-9a-z]{26}$/;
export const RECORD_TABLE = /^[a-z_]{1,63}$/;
export const RECORD_ID = /^[a-z]+_[0-9a-z]{26}$/;
/** Placing and releasing a hold need a reason of at least this many characters once trimmed. */
export const MIN_HOLD_REASON_LENGTH = 5;

export const emptyLegalHoldFields: LegalHoldFields = { subjectId: '', recordTable: '', recordId: '', kind: undefined, reference: '', retainUntil: '', reason: '' };

/**
 * The API body: trimmed, empty optional values left out. A retain-until date keeps the hold to the
 * end of that day in Beijing, the day the case file names.
 */
export function legalHoldInputOf(fields: LegalHoldFields): LegalHoldInput {
  const recordTable = fields.recordTable.trim();
  const recordId = fields.recordId.trim();
  const retainUntil = fields.retainUntil ? beijingInputToIso(`${fields.retainUntil}T23:59:59`) : undefined;
  return {
    subjectId: fields.subjectId.trim(),
    ...(recordTable ? { recordTable } : {}),
    ...(recordId ? { recordId } : {}),
    kind: fields.kind ?? '',
    reference: fields.reference.trim(),
    ...(retainUntil ? { retainUntil } : {}),
    reason: fields.reason.trim(),
  };
}
