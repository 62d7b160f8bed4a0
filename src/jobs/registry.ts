import type { JobDefinition } from './job-definition.ts';
import { pruneFinishedTasks } from './tasks/prune-finished-tasks.ts';
import { retentionSweepJob } from '../privacy/retention/retention-sweep-job.ts';
import { auditCheckpointJob } from '../privacy/audit/audit-checkpoint-job.ts';
import { sendCampaignJob } from '../modules/marketing/send-campaign-job.ts';
import { completeDateChangeJob, sweepDateChangesJob } from '../modules/date-changes/date-change-jobs.ts';
import { expireUnpaidOrdersJob } from '../modules/payments/expire-unpaid-orders-job.ts';
import { settleRefundsJob } from '../modules/payments/settle-refunds-job.ts';
import { issuePolicyJob } from '../modules/policies/issue-policy-job.ts';
import { reissuePaidOrdersJob } from '../modules/policies/reissue-paid-orders-job.ts';

// A paid customer waits for issuance, and each job spends most of its time waiting for the insurer:
// twenty at once, and jobs queued by another process found within half a second (issue 7).
const issuance: JobDefinition = { ...issuePolicyJob, worker: { batchSize: 20, pollingIntervalSeconds: 0.5 } };

/** Every kind of background work of the platform. Domains add theirs here. */
export const jobDefinitions: readonly JobDefinition[] = [pruneFinishedTasks, retentionSweepJob, auditCheckpointJob, sendCampaignJob, issuance, reissuePaidOrdersJob, expireUnpaidOrdersJob, settleRefundsJob, completeDateChangeJob, sweepDateChangesJob];
