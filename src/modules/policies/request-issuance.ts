/** The queue of issuance: one job per paid order (R-POL-9). */
export const ISSUE_POLICY_JOB = 'policies.issue-policy';

/**
 * Queues work by job name (the job system's send); null when this process has no job system.
 * `singletonSeconds` with a `singletonKey` queues at most one job per key in each such time slot.
 */
export type Enqueue = ((name: string, data: Record<string, unknown>, options?: { singletonKey?: string; singletonSeconds?: number }) => Promise<string | null>) | null;

/**
 * Asks for the policy of a paid order to be issued. Called after the payment has committed; if this
 * call is lost (a crash in between), the reconciling job finds the paid order without a policy and
 * queues it again, and the insurer's idempotency key keeps it to one policy.
 */
export async function requestIssuance(enqueue: Enqueue, orderId: string): Promise<void> {
  if (!enqueue) return;
  await enqueue(ISSUE_POLICY_JOB, { orderId }, { singletonKey: orderId });
}
