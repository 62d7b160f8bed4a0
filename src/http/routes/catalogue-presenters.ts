import { Type } from 'typebox';
import type { FieldProblem } from '../../errors/app-error.ts';
import type { Comparison } from '../../modules/catalogue/compare-plans.ts';
import type { CatalogueProduct, CoverageRow, DocumentRow, PlanWithCoverage, RatingRow } from '../../modules/catalogue/load-catalogue.ts';
import { ZONES } from '../../shared/catalogue/destinations.ts';
import type { Quote } from '../../shared/catalogue/quote.ts';
import { APPLICANT_FIELDS, COVERAGE_ITEMS, DOCUMENT_KINDS, PRODUCT_STATUSES, PRODUCT_TYPES } from '../../shared/catalogue/terms.ts';

/**
 * Response schemas and presenters of the catalogue (R-POL-1): only these fields leave the server.
 * Amounts are integer fen. Texts come in both languages, so a language switch needs no new request.
 */
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });
export const ProductCode = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,63}$' });
export const PlanCode = ProductCode;

const InsurerBrief = Type.Object({ code: Type.String(), shortNameZh: Type.String(), shortNameEn: Type.String() });
const Insurer = Type.Object({
  ...InsurerBrief.properties,
  fullNameZh: Type.String(),
  fullNameEn: Type.String(),
  licenceNumber: Type.String(),
  servicePhone: Type.String(),
  claimsHotline: Type.String(),
  website: Nullable(Type.String()),
  addressZh: Type.String(),
  addressEn: Type.String(),
});

const Coverage = Type.Object({
  item: Type.Enum(COVERAGE_ITEMS),
  itemZh: Type.String(),
  itemEn: Type.String(),
  detailZh: Type.String(),
  detailEn: Type.String(),
  sumInsuredFen: Type.Integer(),
  deductibleFen: Type.Integer(),
});
const PlanBrief = Type.Object({ code: Type.String(), level: Type.Integer(), nameZh: Type.String(), nameEn: Type.String(), schengenCompliant: Type.Boolean() });
const Plan = Type.Object({ ...PlanBrief.properties, coverages: Type.Array(Coverage) });

export const ProductSummarySchema = Type.Object({
  code: Type.String(),
  type: Type.Enum(PRODUCT_TYPES),
  nameZh: Type.String(),
  nameEn: Type.String(),
  summaryZh: Type.String(),
  summaryEn: Type.String(),
  insurer: InsurerBrief,
  zones: Type.Array(Type.Enum(ZONES)),
  minDays: Type.Integer(),
  maxDays: Type.Integer(),
  maxTripDays: Nullable(Type.Integer()),
  minAge: Type.Integer(),
  maxAge: Type.Integer(),
  coolingOffDays: Type.Integer(),
  plans: Type.Array(PlanBrief),
  schengenCompliant: Type.Boolean(),
  /** The lowest total for what the list was told (one adult, shortest trip, cheapest zone when not told). */
  fromPriceFen: Nullable(Type.Integer()),
});

const HealthQuestion = Type.Object({ id: Type.String(), zh: Type.String(), en: Type.String() });
const ProductDocument = Type.Object({
  kind: Type.Enum(DOCUMENT_KINDS),
  version: Type.Integer(),
  titleZh: Type.String(),
  titleEn: Type.String(),
  bodyZh: Type.String(),
  bodyEn: Type.String(),
  questions: Nullable(Type.Array(HealthQuestion)),
  // What the sale records as shown (the next steps of the purchase).
  textHash: Type.String(),
});

const Rating = Type.Object({
  version: Type.Integer(),
  hash: Type.String(),
  basis: Type.Union([Type.Literal('trip'), Type.Literal('occupation'), Type.Literal('age')]),
  occupationClasses: Type.Array(Type.Integer()),
  groupDiscounts: Type.Array(Type.Object({ minInsured: Type.Integer(), bps: Type.Integer() })),
});

export const ProductDetailSchema = Type.Object({
  ...ProductSummarySchema.properties,
  insurer: Insurer,
  maxInsured: Type.Integer(),
  policyholderFields: Type.Array(Type.Enum(APPLICANT_FIELDS)),
  insuredFields: Type.Array(Type.Enum(APPLICANT_FIELDS)),
  plans: Type.Array(Plan),
  documents: Type.Array(ProductDocument),
  rating: Nullable(Rating),
});

export const QuoteSchema = Type.Object({
  productCode: Type.String(),
  planCode: Type.String(),
  ratingVersion: Type.Integer(),
  ratingHash: Type.String(),
  zone: Nullable(Type.Enum(ZONES)),
  days: Type.Integer(),
  occupationClass: Nullable(Type.Integer()),
  lines: Type.Array(Type.Object({ position: Type.Integer(), age: Type.Integer(), premiumFen: Type.Integer() })),
  subtotalFen: Type.Integer(),
  discountBps: Type.Integer(),
  discountFen: Type.Integer(),
  totalFen: Type.Integer(),
  currency: Type.Literal('CNY'),
});

export const ComparisonSchema = Type.Object({
  plans: Type.Array(
    Type.Object({
      product: Type.Object({ code: Type.String(), type: Type.Enum(PRODUCT_TYPES), nameZh: Type.String(), nameEn: Type.String(), insurer: InsurerBrief, coolingOffDays: Type.Integer() }),
      plan: PlanBrief,
      fromPriceFen: Nullable(Type.Integer()),
    }),
  ),
  rows: Type.Array(Type.Object({ item: Type.Enum(COVERAGE_ITEMS), cells: Type.Array(Nullable(Coverage)) })),
});

const Problem = Type.Object({ pointer: Type.String(), detail: Type.String() });
// Who wrote a version: a staff member (with their display name) or an import such as the seed (no name).
const WrittenBy = Type.Object({ createdBy: Type.String(), createdByName: Nullable(Type.String()), createdAt: DateTime });
export const StaffProductSchema = Type.Object({
  ...ProductSummarySchema.properties,
  status: Type.Enum(PRODUCT_STATUSES),
  sortOrder: Type.Integer(),
  publishedAt: Nullable(DateTime),
  updatedAt: DateTime,
  problems: Type.Array(Problem),
});
export const StaffProductDetailSchema = Type.Object({
  ...ProductDetailSchema.properties,
  status: Type.Enum(PRODUCT_STATUSES),
  sortOrder: Type.Integer(),
  publishedAt: Nullable(DateTime),
  updatedAt: DateTime,
  problems: Type.Array(Problem),
  ratingTable: Nullable(Type.Unknown({ description: 'The rating table in force (RatingTable: trip, occupation or age basis), premiums in fen' })),
  // Orders exist: terms, plans and coverage are frozen; documents and rating tables still get new versions.
  isSold: Type.Boolean(),
  documentHistory: Type.Array(Type.Object({ kind: Type.Enum(DOCUMENT_KINDS), version: Type.Integer(), titleZh: Type.String(), titleEn: Type.String(), textHash: Type.String(), ...WrittenBy.properties })),
  ratingHistory: Type.Array(Type.Object({ version: Type.Integer(), contentHash: Type.String(), ...WrittenBy.properties })),
});

/** One version of a document, current or not, with who wrote it (the console's history). */
export const StaffDocumentVersionSchema = Type.Object({ ...ProductDocument.properties, ...WrittenBy.properties });
export const StaffRatingVersionSchema = Type.Object({
  version: Type.Integer(),
  contentHash: Type.String(),
  table: Type.Unknown({ description: 'The rating table of this version (RatingTable: trip, occupation or age basis), premiums in fen' }),
  ...WrittenBy.properties,
});

const presentInsurerBrief = (product: CatalogueProduct) => ({ code: product.insurer.code, shortNameZh: product.insurer.shortNameZh, shortNameEn: product.insurer.shortNameEn });
const presentPlanBrief = (plan: PlanWithCoverage) => ({ code: plan.code, level: plan.level, nameZh: plan.nameZh, nameEn: plan.nameEn, schengenCompliant: plan.schengenCompliant });
const presentCoverage = (row: CoverageRow) => ({
  item: row.item,
  itemZh: row.itemZh,
  itemEn: row.itemEn,
  detailZh: row.detailZh,
  detailEn: row.detailEn,
  sumInsuredFen: row.sumInsuredFen,
  deductibleFen: row.deductibleFen,
});

export function presentSummary(product: CatalogueProduct, fromPriceFen: number | null) {
  return {
    code: product.code,
    type: product.type,
    nameZh: product.nameZh,
    nameEn: product.nameEn,
    summaryZh: product.summaryZh,
    summaryEn: product.summaryEn,
    insurer: presentInsurerBrief(product),
    zones: product.zones,
    minDays: product.minDays,
    maxDays: product.maxDays,
    maxTripDays: product.maxTripDays,
    minAge: product.minAge,
    maxAge: product.maxAge,
    coolingOffDays: product.coolingOffDays,
    plans: product.plans.map(presentPlanBrief),
    schengenCompliant: product.plans.some((plan) => plan.schengenCompliant),
    fromPriceFen,
  };
}

export function presentDetail(detail: { product: CatalogueProduct; documents: DocumentRow[]; fromPriceFen: number | null }) {
  const { product } = detail;
  const table = product.rating?.definition;
  return {
    ...presentSummary(product, detail.fromPriceFen),
    insurer: {
      ...presentInsurerBrief(product),
      fullNameZh: product.insurer.fullNameZh,
      fullNameEn: product.insurer.fullNameEn,
      licenceNumber: product.insurer.licenceNumber,
      servicePhone: product.insurer.servicePhone,
      claimsHotline: product.insurer.claimsHotline,
      website: product.insurer.website,
      addressZh: product.insurer.addressZh,
      addressEn: product.insurer.addressEn,
    },
    maxInsured: product.maxInsured,
    policyholderFields: product.policyholderFields,
    insuredFields: product.insuredFields,
    plans: product.plans.map((plan) => ({ ...presentPlanBrief(plan), coverages: plan.coverages.map(presentCoverage) })),
    documents: detail.documents.map(presentDocument),
    rating:
      product.rating && table
        ? {
            version: product.rating.version,
            hash: product.rating.contentHash,
            basis: table.basis,
            occupationClasses: table.basis === 'occupation' ? table.classes : [],
            groupDiscounts: table.groupDiscounts,
          }
        : null,
  };
}

export const presentQuote = (quote: Quote) => ({ ...quote, currency: 'CNY' as const });

export function presentComparison(comparison: Comparison) {
  return {
    plans: comparison.plans.map(({ product, plan, fromPriceFen }) => ({
      product: { code: product.code, type: product.type, nameZh: product.nameZh, nameEn: product.nameEn, insurer: presentInsurerBrief(product), coolingOffDays: product.coolingOffDays },
      plan: presentPlanBrief(plan),
      fromPriceFen,
    })),
    rows: comparison.rows.map((row) => ({ item: row.item, cells: row.cells.map((cell) => (cell ? presentCoverage(cell) : null)) })),
  };
}

const staffFields = (product: CatalogueProduct, problems: FieldProblem[]) => ({
  status: product.status,
  sortOrder: product.sortOrder,
  publishedAt: product.publishedAt?.toISOString() ?? null,
  updatedAt: product.updatedAt.toISOString(),
  problems,
});

export function presentStaffProduct(product: CatalogueProduct, problems: FieldProblem[]) {
  return { ...presentSummary(product, null), ...staffFields(product, problems) };
}

type WrittenByRow = { createdBy: string; createdByName: string | null; createdAt: Date };
const presentWrittenBy = (row: WrittenByRow) => ({ createdBy: row.createdBy, createdByName: row.createdByName, createdAt: row.createdAt.toISOString() });
const presentDocument = (document: DocumentRow) => ({
  kind: document.kind,
  version: document.version,
  titleZh: document.titleZh,
  titleEn: document.titleEn,
  bodyZh: document.bodyZh,
  bodyEn: document.bodyEn,
  questions: document.questions,
  textHash: document.textHash,
});

export function presentStaffDetail(detail: Parameters<typeof presentDetail>[0] & { problems: FieldProblem[]; isSold: boolean; documentHistory: Array<Omit<DocumentRow, 'bodyZh' | 'bodyEn' | 'questions'> & WrittenByRow>; ratingHistory: Array<{ version: number; contentHash: string } & WrittenByRow> }) {
  return {
    ...presentDetail(detail),
    ...staffFields(detail.product, detail.problems),
    ratingTable: detail.product.rating?.definition ?? null,
    isSold: detail.isSold,
    documentHistory: detail.documentHistory.map((row) => ({ kind: row.kind, version: row.version, titleZh: row.titleZh, titleEn: row.titleEn, textHash: row.textHash, ...presentWrittenBy(row) })),
    ratingHistory: detail.ratingHistory.map((row) => ({ version: row.version, contentHash: row.contentHash, ...presentWrittenBy(row) })),
  };
}

export function presentStaffDocumentVersion(document: DocumentRow & { createdByName: string | null }) {
  return { ...presentDocument(document), ...presentWrittenBy(document) };
}

export function presentStaffRatingVersion(rating: RatingRow & { createdByName: string | null }) {
  return { version: rating.version, contentHash: rating.contentHash, table: rating.definition, ...presentWrittenBy(rating) };
}
