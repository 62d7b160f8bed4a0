import type { Ctx } from '../../privacy/access/context.ts';
import { daysOfPeriod } from '../../shared/calendar-days.ts';
import type { DateChangeDeps } from './date-change-deps.ts';
import { changeableOwnPolicy } from './date-change-terms.ts';
import { openDateChangeOf, type OwnDateChange } from './own-date-changes.ts';

export interface DateChangeOptions {
  policyId: string;
  coverStart: string;
  coverEnd: string;
  days: number;
  premiumFen: number;
  earliestStart: string;
  latestStart: string;
  minDays: number;
  maxDays: number;
  /** A change already under way (its extra premium awaited, or the insurer's answer). */
  pending: OwnDateChange | null;
}

/** What the change-of-dates window needs to offer (R-POL-10): the dates now, the bounds of new ones, and any change under way. */
export async function dateChangeOptions(ctx: Ctx, deps: Pick<DateChangeDeps, 'db' | 'keyring'>, policyId: string, now = new Date()): Promise<DateChangeOptions> {
  const terms = await changeableOwnPolicy(ctx, deps, policyId, now);
  const { coverStart, coverEnd } = terms.policy;
  return {
    policyId,
    coverStart,
    coverEnd,
    days: daysOfPeriod(coverStart, coverEnd),
    premiumFen: terms.premiumFen,
    earliestStart: terms.earliestStart,
    latestStart: terms.latestStart,
    minDays: terms.rated.minDays,
    maxDays: terms.rated.maxDays,
    pending: await openDateChangeOf(deps.db, terms.policy.id),
  };
}
