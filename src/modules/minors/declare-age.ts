import type { Db } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import { ageStandingOf, type AgeStanding } from './age-standing.ts';
import { recordAgeGroup } from './record-age-group.ts';
import type { AgeGroup } from './schema.ts';

/**
 * The registration question "are you 14 or older?" (R-MIN-1), answered by the account holder. It
 * can be answered once: a child cannot lift the guardian requirement by answering again, and a band
 * learnt from an ID number is not overridden by a declaration.
 */
export async function declareAge(ctx: Ctx, input: { ageGroup: AgeGroup }, deps: { db: Db; keyring: Keyring }): Promise<AgeStanding> {
  if (ctx.actor.type !== 'customer') throw new AppError('unauthorized', 'Customer session required');
  const customerId = ctx.actor.id;
  const standing = await ageStandingOf(ctx, deps, customerId);
  if (standing !== 'unknown') throw new AppError('conflict', 'Age already known for this account');
  await recordAgeGroup(ctx, deps, customerId, input.ageGroup, 'declared');
  return input.ageGroup === 'at_least_14' ? 'at_least_14' : 'child_awaiting_guardian';
}
