import type { CoverageInput, PlanInput } from '../../../src/modules/catalogue/editing/save-plans.ts';
import type { ProductTerms } from '../../../src/modules/catalogue/editing/update-product-terms.ts';
import type { RatingTable } from '../../../src/modules/catalogue/rating/rating-table.ts';
import type { Zone } from '../../../src/shared/catalogue/destinations.ts';
import type { Quote as PlanQuote, QuoteRequest } from '../../../src/shared/catalogue/quote.ts';
import type { ApplicantField, CoverageItem, ProductDocumentKind, ProductStatus, ProductType } from '../../../src/shared/catalogue/terms.ts';
import { apiRequest } from './client';

/** The product catalogue and quotes (R-POL-1, R-POL-3). Amounts are integer fen. */
export interface InsurerBrief {
  code: string;
  shortNameZh: string;
  shortNameEn: string;
}

export interface Insurer extends InsurerBrief {
  fullNameZh: string;
  fullNameEn: string;
  licenceNumber: string;
  servicePhone: string;
  claimsHotline: string;
  website: string | null;
  addressZh: string;
  addressEn: string;
}

export interface Coverage {
  item: CoverageItem;
  itemZh: string;
  itemEn: string;
  detailZh: string;
  detailEn: string;
  sumInsuredFen: number;
  deductibleFen: number;
}

export interface PlanBrief {
  code: string;
  level: number;
  nameZh: string;
  nameEn: string;
  schengenCompliant: boolean;
}

export interface Plan extends PlanBrief {
  coverages: Coverage[];
}

export interface ProductSummary {
  code: string;
  type: ProductType;
  nameZh: string;
  nameEn: string;
  summaryZh: string;
  summaryEn: string;
  insurer: InsurerBrief;
  zones: Zone[];
  minDays: number;
  maxDays: number;
  maxTripDays: number | null;
  minAge: number;
  maxAge: number;
  coolingOffDays: number;
  plans: PlanBrief[];
  schengenCompliant: boolean;
  fromPriceFen: number | null;
}

export interface ProductDocument {
  kind: ProductDocumentKind;
  version: number;
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
  questions: Array<{ id: string; zh: string; en: string }> | null;
  textHash: string;
}

export interface ProductDetail extends Omit<ProductSummary, 'insurer' | 'plans'> {
  insurer: Insurer;
  maxInsured: number;
  policyholderFields: ApplicantField[];
  insuredFields: ApplicantField[];
  plans: Plan[];
  documents: ProductDocument[];
  rating: { version: number; hash: string; basis: 'trip' | 'occupation' | 'age'; occupationClasses: number[]; groupDiscounts: Array<{ minInsured: number; bps: number }> } | null;
}

export interface ProductFilters {
  type?: ProductType | undefined;
  destination?: string | undefined;
  days?: number | undefined;
  ages?: number[] | undefined;
  maxPriceFen?: number | undefined;
  q?: string | undefined;
  refine?: boolean | undefined;
}

export type { QuoteRequest };

/** A quote as the site answers it. */
export interface Quote extends PlanQuote {
  currency: 'CNY';
}

export interface Comparison {
  plans: Array<{ product: { code: string; type: ProductType; nameZh: string; nameEn: string; insurer: InsurerBrief; coolingOffDays: number }; plan: PlanBrief; fromPriceFen: number | null }>;
  rows: Array<{ item: CoverageItem; cells: Array<Coverage | null> }>;
}

export interface StaffProduct extends ProductSummary {
  status: ProductStatus;
  sortOrder: number;
  publishedAt: string | null;
  updatedAt: string;
  problems: Array<{ pointer: string; detail: string }>;
}

/** Who wrote a version: a staff member's display name, or null for an import such as the seed. */
export interface WrittenBy {
  createdBy: string;
  createdByName: string | null;
  createdAt: string;
}

/** One product as the console shows it, with its rating table and the history of its versions. */
export interface StaffProductDetail extends ProductDetail {
  status: ProductStatus;
  sortOrder: number;
  publishedAt: string | null;
  updatedAt: string;
  problems: Array<{ pointer: string; detail: string }>;
  ratingTable: RatingTable | null;
  /** Orders exist: terms, plans and coverage are frozen; documents and rating tables still get new versions. */
  isSold: boolean;
  documentHistory: Array<{ kind: ProductDocumentKind; version: number; titleZh: string; titleEn: string; textHash: string } & WrittenBy>;
  ratingHistory: Array<{ version: number; contentHash: string } & WrittenBy>;
}

export type { CoverageInput, PlanInput, ProductTerms, RatingTable };
export type DocumentInput = Omit<ProductDocument, 'version' | 'textHash'>;

/** The query string of a product list: only the filters that are set. */
export function productListQuery(filters: ProductFilters): string {
  const params = new URLSearchParams();
  if (filters.type) params.set('type', filters.type);
  if (filters.destination) params.set('destination', filters.destination);
  if (filters.days !== undefined) params.set('days', String(filters.days));
  for (const age of filters.ages ?? []) params.append('ages', String(age));
  if (filters.maxPriceFen !== undefined) params.set('maxPriceFen', String(filters.maxPriceFen));
  if (filters.q) params.set('q', filters.q);
  if (filters.q && filters.refine) params.set('refine', 'true');
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function fetchProducts(filters: ProductFilters, signal?: AbortSignal): Promise<{ products: ProductSummary[] }> {
  return apiRequest(`/api/site/products${productListQuery(filters)}`, { signal });
}

export function fetchProduct(code: string, signal?: AbortSignal): Promise<ProductDetail> {
  return apiRequest(`/api/site/products/${encodeURIComponent(code)}`, { signal });
}

export function fetchComparison(plans: readonly string[], signal?: AbortSignal): Promise<Comparison> {
  const query = plans.map((plan) => `plans=${encodeURIComponent(plan)}`).join('&');
  return apiRequest(`/api/site/plan-comparison?${query}`, { signal });
}

export function requestQuote(body: QuoteRequest, signal?: AbortSignal): Promise<Quote> {
  return apiRequest('/api/site/quotes', { method: 'POST', body, signal });
}

export function fetchStaffProducts(signal?: AbortSignal): Promise<StaffProduct[]> {
  return apiRequest('/api/console/catalogue/products', { signal });
}

export function setStaffProductStatus(code: string, status: ProductStatus): Promise<StaffProductDetail> {
  return apiRequest(`/api/console/catalogue/products/${encodeURIComponent(code)}/status`, { method: 'PUT', body: { status } });
}

export function fetchSearchKeywords(signal?: AbortSignal): Promise<Array<{ keyword: string; count: number }>> {
  return apiRequest('/api/console/catalogue/search-keywords?days=30&limit=20', { signal });
}

const staffProductPath = (code: string) => `/api/console/catalogue/products/${encodeURIComponent(code)}`;

export function fetchStaffProduct(code: string, signal?: AbortSignal): Promise<StaffProductDetail> {
  return apiRequest(staffProductPath(code), { signal });
}

export function updateProductTerms(code: string, terms: ProductTerms): Promise<StaffProductDetail> {
  return apiRequest(staffProductPath(code), { method: 'PUT', body: terms });
}

export function saveProductPlans(code: string, plans: PlanInput[]): Promise<StaffProductDetail> {
  return apiRequest(`${staffProductPath(code)}/plans`, { method: 'PUT', body: { plans } });
}

export function addDocumentVersion(code: string, document: DocumentInput): Promise<StaffProductDetail> {
  return apiRequest(`${staffProductPath(code)}/documents`, { method: 'POST', body: document });
}

export function fetchDocumentVersion(code: string, kind: ProductDocumentKind, version: number, signal?: AbortSignal): Promise<ProductDocument & WrittenBy> {
  return apiRequest(`${staffProductPath(code)}/documents/${kind}/versions/${version}`, { signal });
}

/** One version of the rating table, in force or not, as it priced. */
export function fetchRatingVersion(code: string, version: number, signal?: AbortSignal): Promise<{ version: number; contentHash: string; table: RatingTable } & WrittenBy> {
  return apiRequest(`${staffProductPath(code)}/rating-tables/${version}`, { signal });
}

export function addRatingVersion(code: string, table: RatingTable): Promise<StaffProductDetail> {
  return apiRequest(`${staffProductPath(code)}/rating-tables`, { method: 'POST', body: { table } });
}

export function copyProduct(code: string, copy: { newCode: string; nameZh: string; nameEn: string }): Promise<StaffProductDetail> {
  return apiRequest(`${staffProductPath(code)}/copy`, { method: 'POST', body: copy });
}
