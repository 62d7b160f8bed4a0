import type { DateChangeOptions } from '../../../src/modules/date-changes/date-change-options.ts';
import type { OwnDateChange } from '../../../src/modules/date-changes/own-date-changes.ts';
import type { DateChangePrice, NewDates } from '../../../src/modules/date-changes/price-date-change.ts';
import type { DateChangeStatus } from '../../../src/modules/date-changes/schema.ts';
import { apiRequest } from './client';

/**
 * 更改出行日期 (R-POL-10): a travel policy's dates move before its cover starts. The change is quoted,
 * then endorsed at once when it costs nothing more (any refund goes back the way the premium was paid),
 * or after the extra premium is paid on the provider's page. Dates are Beijing dates (YYYY-MM-DD),
 * amounts integer fen.
 */

/** New dates as the request names them: the first and the last day of cover. */
export type TripDates = NewDates;

/** The policy's dates now, the bounds of new ones and any change under way (the server's shape). */
export type { DateChangeOptions };

/** One change of dates as its owner's pages show it (the server's shape). */
export type DateChange = OwnDateChange;
export type { DateChangeStatus };

/** The price of new dates; a positive difference is paid, a negative one refunded. The per-person lines stay on the server. */
export type DateChangeQuote = Omit<DateChangePrice, 'lines'>;

export interface DateChangeRequest extends TripDates {
  /** The difference the person saw: the server changes nothing when it no longer holds. */
  expectedDifferenceFen: number;
  idempotencyKey: string;
}

/** The change as requested: endorsed, or awaiting its extra premium at `payUrl` (any other state is followed on its own page). */
export interface RequestedDateChange extends TripDates {
  id: string;
  status: DateChangeStatus;
  differenceFen: number;
  refundFen: number;
  payUrl: string | null;
}

const policyPath = (policyId: string) => `/api/site/policies/${encodeURIComponent(policyId)}/date-change`;
const changePath = (dateChangeId: string) => `/api/site/date-changes/${encodeURIComponent(dateChangeId)}`;

/** What may change; 409 policy_dates_not_changeable when the cover started or the product has no trip dates. */
export function fetchDateChangeOptions(policyId: string, signal?: AbortSignal): Promise<DateChangeOptions> {
  return apiRequest(policyPath(policyId), { signal });
}

/** The new premium and the difference; changes nothing. */
export function quoteDateChange(policyId: string, dates: TripDates, signal?: AbortSignal): Promise<DateChangeQuote> {
  return apiRequest(`${policyPath(policyId)}/quote`, { method: 'POST', body: dates, signal });
}

export function requestDateChange(policyId: string, request: DateChangeRequest): Promise<RequestedDateChange> {
  return apiRequest(policyPath(policyId), { method: 'POST', body: request });
}

export function fetchDateChange(dateChangeId: string, signal?: AbortSignal): Promise<DateChange> {
  return apiRequest(changePath(dateChangeId), { signal });
}

/** Back from the provider's page: the server asks the provider whether the extra premium was paid. */
export function confirmDateChangePaymentReturn(dateChangeId: string): Promise<DateChange> {
  return apiRequest(`${changePath(dateChangeId)}/payment-return`, { method: 'POST' });
}
