import type { Zone } from './destinations.ts';

/**
 * What a quote asks and answers (R-POL-3), shared by the server and the web app. A quote asks no
 * personal information: where, when or how long, the ages, and (accident) an occupation class.
 */
export interface QuoteRequest {
  product: string;
  plan: string;
  destinations?: string[] | undefined;
  /** Either the trip length, or its dates (YYYY-MM-DD, both days covered). */
  days?: number | undefined;
  startDate?: string | undefined;
  endDate?: string | undefined;
  ages: number[];
  occupationClass?: number | undefined;
}

export interface QuoteLine {
  /** Position of the insured person in the request (0-based). */
  position: number;
  age: number;
  premiumFen: number;
}

/** The price of one plan, in integer fen, with the rating-table version and hash that priced it. */
export interface Quote {
  productCode: string;
  planCode: string;
  ratingVersion: number;
  ratingHash: string;
  zone: Zone | null;
  /** Days of cover: the trip, or the product's term. */
  days: number;
  occupationClass: number | null;
  lines: QuoteLine[];
  subtotalFen: number;
  discountBps: number;
  discountFen: number;
  totalFen: number;
}
