import { sql } from 'drizzle-orm';
import { inTransaction } from '../../db/transaction.ts';
import type { Db } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { recordAudit } from '../../privacy/audit/record-audit.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import { notUnderHold } from '../../privacy/retention/legal-hold-condition.ts';
import { eraseSubjectRows } from '../../privacy/retention/erase-subject.ts';
import { anonymiseCustomer } from '../accounts/retention.ts';
import { authorizeStaff } from '../staff/policies.ts';
import { ageStandingOf } from './age-standing.ts';

export interface ErasureReport {
  erased: Record<string, number>;
  /** Rows legal holds keep. */
  held: number;
  accountAnonymised: boolean;
}

/**
 * R-MIN-2: when the platform finds it holds a child's data without a guardian's consent, the
 * PI-protection officer erases it at once: every row of the person in the erasure targets goes and
 * the account is anonymised and closed — except what a legal hold in force keeps. Needs a typed reason;
 * audited with the counts. Refused for anyone not known to be a child without a guardian's consent.
 */
export async function eraseUnconsentedChildData(ctx: Ctx, input: { customerId: string }, deps: { db: Db; keyring: Keyring }): Promise<ErasureReport> {
  authorizeStaff(ctx.actor, 'minors.erase_unconsented');
  if ((ctx.reason?.trim().length ?? 0) < 5) throw new AppError('reason_required', 'Erasure without a reason');
  const standing = await ageStandingOf({ ...ctx, purpose: 'legal_obligation' }, deps, input.customerId);
  if (standing !== 'child_awaiting_guardian') throw new AppError('conflict', `Erasure refused: account stands as ${standing}`);
  return inTransaction(deps.db, async (tx) => {
    const { erased, held } = await eraseSubjectRows(tx, input.customerId);
    const anonymised = await tx.execute(
      sql`update customers set ${anonymiseCustomer} where id = ${input.customerId} and ${notUnderHold({ table: 'customers', keyColumn: 'id', subjectColumn: 'id' })} returning 1`,
    );
    const accountAnonymised = (anonymised as unknown as { rows: unknown[] }).rows.length > 0;
    await recordAudit(tx, ctx, {
      action: 'delete',
      subjectId: input.customerId,
      record: `customers/${input.customerId}`,
      fields: ['minor_without_guardian_consent', ...Object.entries(erased).map(([table, count]) => `${table}:${count}`), `held:${held}`],
    });
    return { erased, held, accountAnonymised };
  });
}
