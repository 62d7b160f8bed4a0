import type { Ctx } from '../../../privacy/access/context.ts';
import { AppError } from '../../../errors/app-error.ts';
import { readOwnAccount } from '../read-own-account.ts';
import { sendSmsCode, type AccountsDeps, type CodeRequested } from '../sms-codes.ts';
import { readProfileValues } from './profile-record.ts';

/**
 * Sends a step-up code to the account's own number before the full identity document number is
 * shown (R-ACC-4): a signed-in session alone — a borrowed phone, an unlocked laptop — is not enough.
 */
export async function requestRevealCode(ctx: Ctx, deps: AccountsDeps): Promise<CodeRequested> {
  const { customer, phone } = await readOwnAccount(ctx, deps);
  const { values } = await readProfileValues(ctx, deps, customer.id, ['idDocument']);
  if (!values.idDocument) throw new AppError('not_found', 'No identity document to reveal');
  return sendSmsCode(ctx, { phone, purpose: 'step_up', subjectKey: customer.id }, deps);
}
