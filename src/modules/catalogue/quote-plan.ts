import type { Db } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import { beijingDay } from './beijing-day.ts';
import { ratedProductOf } from './load-catalogue.ts';
import { publishedProduct } from './published-catalogue.ts';
import type { Quote, QuoteRequest } from '../../shared/catalogue/quote.ts';
import { quote } from './rating/quote.ts';

/**
 * Prices one plan of a published product (R-POL-3). The request carries no personal information —
 * destinations, dates, ages, an occupation class — and nothing of it is stored: a quote is computed,
 * answered and forgotten. The answer names the rating-table version and hash that priced it.
 */
export async function quotePlan(db: Db, request: QuoteRequest, now = new Date()): Promise<Quote> {
  const product = await publishedProduct(db, request.product);
  const plan = product?.plans.find((candidate) => candidate.code === request.plan);
  const rated = product ? ratedProductOf(product) : null;
  if (!product || !plan || !rated) throw new AppError('not_found', 'No published product and plan with these codes');
  return quote(rated, plan, {
    destinations: request.destinations,
    days: tripDays(request, now),
    ages: request.ages,
    occupationClass: request.occupationClass,
  });
}

/** Days of a trip from its dates, both ends included; the departure may not be before today (Beijing). */
export function tripDays(request: Pick<QuoteRequest, 'days' | 'startDate' | 'endDate'>, now: Date): number | undefined {
  if (request.startDate === undefined && request.endDate === undefined) return request.days;
  if (request.startDate === undefined || request.endDate === undefined) {
    throw new AppError('quote_dates_invalid', 'Both dates or neither', { errors: [{ pointer: request.startDate === undefined ? '/body/startDate' : '/body/endDate', detail: 'required' }] });
  }
  const start = dayNumber(request.startDate);
  const end = dayNumber(request.endDate);
  if (start === null) throw new AppError('quote_dates_invalid', 'Not a date', { errors: [{ pointer: '/body/startDate', detail: 'YYYY-MM-DD' }] });
  if (end === null || end < start) throw new AppError('quote_dates_invalid', 'Return before departure', { errors: [{ pointer: '/body/endDate', detail: '≥ startDate' }] });
  if (request.startDate < beijingDay(now)) throw new AppError('quote_dates_invalid', 'Departure in the past', { errors: [{ pointer: '/body/startDate', detail: '≥ today' }] });
  return end - start + 1;
}

/** Days since 1970-01-01 of a calendar date, or null for anything that is not one (2026-02-30). */
function dayNumber(text: string): number | null {
  const time = Date.parse(`${text}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== text) return null;
  return time / 86_400_000;
}
