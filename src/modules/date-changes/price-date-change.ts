import { AppError } from '../../errors/app-error.ts';
import { validateCoverDates } from '../../shared/application-validation.ts';
import { todayInBeijing } from '../../shared/identity-documents.ts';
import type { Language } from '../../errors/error-codes.ts';
import { quote } from '../catalogue/rating/quote.ts';
import { agesOn, LATEST_START_DAYS, type PricingTerms } from './date-change-terms.ts';

export interface NewDates {
  coverStart: string;
  coverEnd: string;
}

export interface DateChangePrice extends NewDates {
  days: number;
  /** The premium of the new dates, by the rating table that priced the sale. */
  premiumFen: number;
  currentPremiumFen: number;
  /** New minus current: paid before the change when positive, refunded after it when negative. */
  differenceFen: number;
  lines: Array<{ position: number; premiumFen: number }>;
}

// The dates' problems point at the request's own fields.
const pointers: Record<string, string> = { '/startDate': '/body/coverStart', '/endDate': '/body/coverEnd' };

/**
 * Prices new travel dates for a policy (R-POL-10): the same date rules as an application's, the
 * destinations and people of the sale, their ages on the new first day, and the rating table the
 * sale was priced with — so the difference reflects the dates and nothing else. Pure: nothing is
 * read or stored.
 */
export function priceDateChange(terms: PricingTerms, dates: NewDates, language: Language, now = new Date()): DateChangePrice {
  const rules = { minDays: terms.rated.minDays, maxDays: terms.rated.maxDays, latestStartDays: LATEST_START_DAYS, current: { startDate: terms.policy.coverStart, endDate: terms.policy.coverEnd } };
  const { problems, period } = validateCoverDates({ startDate: dates.coverStart, endDate: dates.coverEnd }, rules, { language, today: todayInBeijing(now) });
  if (!period) {
    const errors = problems.map(({ pointer, detail }) => ({ pointer: pointers[pointer] ?? pointer, detail }));
    throw new AppError('date_change_invalid', `New dates refused: ${errors.length} problem(s)`, { params: { count: errors.length }, errors });
  }
  const priced = quote(terms.rated, { code: terms.planCode }, { destinations: terms.order.destinations, days: period.days, ages: agesOn(terms, period.startDate) });
  return {
    coverStart: period.startDate,
    coverEnd: period.endDate,
    days: period.days,
    premiumFen: priced.totalFen,
    currentPremiumFen: terms.premiumFen,
    differenceFen: priced.totalFen - terms.premiumFen,
    lines: priced.lines.map(({ position, premiumFen }) => ({ position, premiumFen })),
  };
}
