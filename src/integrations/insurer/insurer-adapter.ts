import type { InsurerApplication } from './insurer-application.ts';

/**
 * One insurer, as the platform's issuance, cancellation and endorsement steps see it (R-POL-9,
 * R-POL-10). Every call that changes something at the insurer carries an idempotency key: the
 * caller derives it from its own record (one key per policy for issuance), so a retried job can
 * never issue, cancel or endorse twice.
 *
 * Failures: a decline is an answer, not an error. Everything else throws AppError —
 * `insurer_unavailable` (no answer, timeouts, 5xx, 429: retry with the same key, see
 * isRetryableInsurerFailure), `insurer_refused` (the insurer looked and said no: retrying the same
 * request cannot help), `insurer_policy_not_found`, `insurer_auth_failed`, `insurer_bad_response`.
 */
export interface InsurerAdapter {
  /** The insurer's code on the platform (`reference`). */
  readonly name: string;
  /** The integration under which the disclosure registry holds this insurer (`insurer.reference`). */
  readonly recipientIntegration: string;
  submitApplication(application: InsurerApplication, options: { idempotencyKey: string }): Promise<IssuanceResult>;
  /** The insurer's record of a policy, or null when it has none. */
  getPolicy(policyNumber: string): Promise<InsurerPolicy | null>;
  cancelPolicy(request: CancellationRequest): Promise<CancellationResult>;
  /** What a cancellation on that date would refund, changing nothing. */
  previewCancellation(request: Omit<CancellationRequest, 'idempotencyKey'>): Promise<{ refundFen: number }>;
  endorseDates(request: DateEndorsementRequest): Promise<EndorsementResult>;
}

export type IssuanceResult = IssuedPolicy | DeclinedApplication;

export interface IssuedPolicy {
  status: 'issued';
  policyNumber: string;
  issuedAt: Date;
  /** The insurer's own policy schedule, when it sends one. */
  documentPdf?: Buffer;
}

/** Final: the insurer will not cover this application. `reason` is the insurer's code, never a person's data. */
export interface DeclinedApplication {
  status: 'declined';
  reason: string;
}

export interface InsurerPolicy {
  policyNumber: string;
  status: 'in_force' | 'cancelled';
  productCode: string;
  planCode: string;
  coverStart: string;
  coverEnd: string;
  premiumFen: number;
  issuedAt: Date;
  cancelledAt: Date | null;
  refundFen: number | null;
  endorsementNumbers: string[];
}

export interface CancellationRequest {
  policyNumber: string;
  /** The first day no longer covered (Beijing date). */
  effectiveDate: string;
  idempotencyKey: string;
}

export interface CancellationResult {
  refundFen: number;
  cancelledAt: Date;
}

export interface DateEndorsementRequest {
  policyNumber: string;
  newStartDate: string;
  newEndDate: string;
  /** New premium minus old, as the platform priced it (negative when the trip got shorter). */
  premiumDifferenceFen: number;
  idempotencyKey: string;
}

export interface EndorsementResult {
  endorsementNumber: string;
  effectiveAt: Date;
}
