import { isCalendarDate } from '../../src/shared/identity-documents.ts';
import type { Clock } from './issue-policy.ts';
import { refusal, type Answer, type PolicyBook } from './policy-book.ts';

interface EndorsementBody {
  newStartDate?: unknown;
  newEndDate?: unknown;
  premiumDifferenceFen?: unknown;
}

/** POST /v1/policies/:number/endorsements: new travel dates, accepted only while cover has not started. */
export function endorseDates(book: PolicyBook, policyNumber: string, body: unknown, clock: Clock): Answer {
  const policy = book.policy(policyNumber);
  if (!policy) return refusal(404, 'not_found', 'policy_unknown');
  if (policy.status === 'cancelled') return refusal(409, 'conflict', 'policy_cancelled');
  if (clock.today >= policy.coverStart) return refusal(409, 'conflict', 'cover_started');
  const { newStartDate, newEndDate, premiumDifferenceFen } = (body ?? {}) as EndorsementBody;
  if (typeof newStartDate !== 'string' || typeof newEndDate !== 'string' || !isCalendarDate(newStartDate) || !isCalendarDate(newEndDate)) {
    return refusal(422, 'invalid_request', 'cover_dates_invalid');
  }
  if (newStartDate > newEndDate) return refusal(422, 'invalid_request', 'cover_dates_out_of_order');
  if (newStartDate < clock.today) return refusal(422, 'invalid_request', 'cover_start_in_past');
  if (!Number.isSafeInteger(premiumDifferenceFen)) return refusal(422, 'invalid_request', 'premium_difference_invalid');
  const premiumFen = policy.premiumFen + (premiumDifferenceFen as number);
  if (premiumFen <= 0) return refusal(422, 'invalid_request', 'premium_not_positive');

  const endorsementNumber = `${policy.policyNumber}E${String(policy.endorsementNumbers.length + 1).padStart(2, '0')}`;
  policy.coverStart = newStartDate;
  policy.coverEnd = newEndDate;
  policy.premiumFen = premiumFen;
  policy.endorsementNumbers.push(endorsementNumber);
  return { status: 201, body: { endorsementNumber, effectiveAt: clock.now.toISOString() } };
}
