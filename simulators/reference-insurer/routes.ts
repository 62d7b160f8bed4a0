import { cancelPolicy, quoteCancellation } from './cancel-policy.ts';
import { endorseDates } from './endorse-dates.ts';
import { issuePolicy, type Clock, type DeclineRule } from './issue-policy.ts';
import { presentPolicy, refusal, type Answer, type PolicyBook } from './policy-book.ts';

export interface Route {
  /** Changes state, so it needs an idempotency key and its first answer is replayed. */
  isChange: boolean;
  run(book: PolicyBook, body: unknown, clock: Clock, declineRule: DeclineRule | undefined): Answer;
}

const POLICY_PATH = /^\/v1\/policies\/([^/?]+)(?:\/(cancellation-quote|cancellations|endorsements))?$/;

/** The partner API's endpoints; anything else is unknown. */
export function routeOf(method: string, path: string): Route | undefined {
  if (method === 'POST' && path === '/v1/policies') return { isChange: true, run: (book, body, clock, declineRule) => issuePolicy(book, body, clock, declineRule) };
  const match = POLICY_PATH.exec(path);
  const policyNumber = match ? decoded(match[1] as string) : undefined;
  if (policyNumber === undefined) return undefined;
  const action = match?.[2];
  if (method === 'GET' && action === undefined) return { isChange: false, run: (book) => getPolicy(book, policyNumber) };
  if (method !== 'POST') return undefined;
  if (action === 'cancellation-quote') return { isChange: false, run: (book, body, clock) => quoteCancellation(book, policyNumber, body, clock) };
  if (action === 'cancellations') return { isChange: true, run: (book, body, clock) => cancelPolicy(book, policyNumber, body, clock) };
  if (action === 'endorsements') return { isChange: true, run: (book, body, clock) => endorseDates(book, policyNumber, body, clock) };
  return undefined;
}

function getPolicy(book: PolicyBook, policyNumber: string): Answer {
  const policy = book.policy(policyNumber);
  return policy ? { status: 200, body: presentPolicy(policy) } : refusal(404, 'not_found', 'policy_unknown');
}

function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
