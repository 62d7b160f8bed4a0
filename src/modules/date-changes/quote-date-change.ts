import type { Language } from '../../errors/error-codes.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import type { DateChangeDeps } from './date-change-deps.ts';
import { pricingTermsOf } from './date-change-terms.ts';
import { priceDateChange, type DateChangePrice, type NewDates } from './price-date-change.ts';

/** The re-quote the change-of-dates window shows as the person picks dates (R-POL-10): the premium per person is not answered. */
export async function quoteDateChange(ctx: Ctx, deps: Pick<DateChangeDeps, 'db' | 'keyring'>, policyId: string, dates: NewDates, language: Language): Promise<Omit<DateChangePrice, 'lines'>> {
  const { lines: _lines, ...price } = priceDateChange(await pricingTermsOf(ctx, deps, policyId), dates, language);
  return price;
}
