import { isCalendarDate } from '../../src/shared/identity-documents.ts';
import { cancellationRefundFen } from './cancellation-refund.ts';
import type { Clock } from './issue-policy.ts';
import { refusal, type Answer, type PolicyBook, type PolicyRecord } from './policy-book.ts';

type Cancellable = { policy: PolicyRecord; effectiveDate: string } | Answer;

/** POST /v1/policies/:number/cancellation-quote: what cancelling would refund, changing nothing. */
export function quoteCancellation(book: PolicyBook, policyNumber: string, body: unknown, clock: Clock): Answer {
  const cancellable = checkCancellation(book, policyNumber, body, clock);
  if ('status' in cancellable) return cancellable;
  return { status: 200, body: { refundFen: cancellationRefundFen(cancellable.policy, cancellable.effectiveDate) } };
}

/** POST /v1/policies/:number/cancellations: the policy ends on the effective date and the refund is fixed. */
export function cancelPolicy(book: PolicyBook, policyNumber: string, body: unknown, clock: Clock): Answer {
  const cancellable = checkCancellation(book, policyNumber, body, clock);
  if ('status' in cancellable) return cancellable;
  const { policy, effectiveDate } = cancellable;
  policy.status = 'cancelled';
  policy.cancelledAt = clock.now;
  policy.refundFen = cancellationRefundFen(policy, effectiveDate);
  return { status: 200, body: { refundFen: policy.refundFen, cancelledAt: clock.now.toISOString() } };
}

function checkCancellation(book: PolicyBook, policyNumber: string, body: unknown, clock: Clock): Cancellable {
  const policy = book.policy(policyNumber);
  if (!policy) return refusal(404, 'not_found', 'policy_unknown');
  if (policy.status === 'cancelled') return refusal(409, 'conflict', 'policy_cancelled');
  const effectiveDate = (body as { effectiveDate?: unknown } | null)?.effectiveDate;
  if (typeof effectiveDate !== 'string' || !isCalendarDate(effectiveDate)) return refusal(422, 'invalid_request', 'effective_date_invalid');
  // Backdating would refund days that were covered: a cancellation takes effect today at the earliest.
  if (effectiveDate < clock.today) return refusal(422, 'invalid_request', 'effective_date_in_past');
  if (effectiveDate > policy.coverEnd) return refusal(422, 'invalid_request', 'effective_date_after_cover');
  return { policy, effectiveDate };
}
