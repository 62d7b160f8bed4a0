import type { JobDefinition } from '../../jobs/job-definition.ts';
import { systemCtx } from '../../privacy/access/context.ts';
import { issuePolicy } from './issue-policy.ts';
import { notifyPolicyIssued } from './notify-policy-issued.ts';
import { ISSUE_POLICY_JOB } from './request-issuance.ts';

/**
 * Issuance of one paid order (R-POL-9), queued after the payment commits and again by the
 * reconciling job. An unavailable insurer fails the run and the job system retries it with growing
 * pauses (about a quarter of an hour in all); after that the reconciling job queues it again.
 */
export const issuePolicyJob: JobDefinition = {
  name: ISSUE_POLICY_JOB,
  retryLimit: 10,
  async handler(data, { database, keyring, logger, purchase, outbound }) {
    if (!purchase) throw new Error('policies.issue-policy needs the purchase integrations (insurers and payment provider)');
    const orderId = typeof data.orderId === 'string' ? data.orderId : '';
    const result = await issuePolicy({ db: database.db, keyring, purchase }, orderId);
    logger.info({ orderId, outcome: result.outcome, ...(result.outcome === 'refunded' ? { reason: result.reason } : {}) }, 'issuance settled');
    if (result.outcome !== 'issued' || !outbound) return;
    // The policy stands whatever happens to the message: a failed e-mail is logged, not retried.
    await notifyPolicyIssued(systemCtx(ISSUE_POLICY_JOB, 'policy_service'), { db: database.db, keyring, email: outbound.email, publicUrl: outbound.publicUrl }, result).catch((error: unknown) =>
      logger.warn({ err: error, orderId }, 'policy issued, notification not sent'),
    );
  },
};
