import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { addDocumentVersion } from '../../../modules/catalogue/editing/add-document-version.ts';
import { addRatingVersion } from '../../../modules/catalogue/editing/add-rating-version.ts';
import { copyProduct } from '../../../modules/catalogue/editing/copy-product.ts';
import { getDocumentVersion } from '../../../modules/catalogue/editing/get-document-version.ts';
import { getRatingVersion } from '../../../modules/catalogue/editing/get-rating-version.ts';
import { savePlans } from '../../../modules/catalogue/editing/save-plans.ts';
import { updateProductTerms } from '../../../modules/catalogue/editing/update-product-terms.ts';
import { getProductForStaff } from '../../../modules/catalogue/get-product-for-staff.ts';
import { ZONES } from '../../../shared/catalogue/destinations.ts';
import { APPLICANT_FIELDS, COVERAGE_ITEMS, DOCUMENT_KINDS } from '../../../shared/catalogue/terms.ts';
import { requestLanguage } from '../../language.ts';
import { ProductCode, StaffDocumentVersionSchema, StaffProductDetailSchema, StaffRatingVersionSchema, presentStaffDetail, presentStaffDocumentVersion, presentStaffRatingVersion } from '../catalogue-presenters.ts';

// Generous bounds: the use cases check the real ones and say each problem next to its field, in
// the staff member's language, which a schema error cannot.
const Text = Type.String({ maxLength: 200_000 });
const Count = Type.Integer({ minimum: 0, maximum: 100_000 });
const Fen = Type.Integer({ minimum: 0, maximum: 10_000_000_000_000, description: 'integer fen' });

const TermsBody = Type.Object({
  nameZh: Text,
  nameEn: Text,
  summaryZh: Text,
  summaryEn: Text,
  zones: Type.Array(Type.Enum(ZONES), { maxItems: 20 }),
  minDays: Count,
  maxDays: Count,
  maxTripDays: Type.Union([Count, Type.Null()], { description: 'annual multi-trip only: the longest single trip' }),
  minAge: Count,
  maxAge: Count,
  maxInsured: Count,
  coolingOffDays: Count,
  policyholderFields: Type.Array(Type.Enum(APPLICANT_FIELDS), { maxItems: 20 }),
  insuredFields: Type.Array(Type.Enum(APPLICANT_FIELDS), { maxItems: 20 }),
  sortOrder: Count,
});

const CoverageBody = Type.Object({ item: Type.Enum(COVERAGE_ITEMS), itemZh: Text, itemEn: Text, detailZh: Text, detailEn: Text, sumInsuredFen: Fen, deductibleFen: Fen });
const PlansBody = Type.Object({
  plans: Type.Array(Type.Object({ code: Type.String({ maxLength: 100 }), nameZh: Text, nameEn: Text, schengenCompliant: Type.Boolean(), coverages: Type.Array(CoverageBody, { maxItems: 50 }) }), {
    maxItems: 20,
    description: 'Lowest level first: the order is the level order',
  }),
});

const DocumentBody = Type.Object({
  kind: Type.Enum(DOCUMENT_KINDS),
  titleZh: Text,
  titleEn: Text,
  bodyZh: Text,
  bodyEn: Text,
  questions: Type.Union([Type.Array(Type.Object({ id: Type.String({ maxLength: 100 }), zh: Text, en: Text }), { maxItems: 100 }), Type.Null()], { description: '健康告知 only' }),
});

// The table's own TypeBox schema is a union of objects that refuse extra keys; the server's
// validator strips unknown keys while it tries each branch, which would damage a valid table. So
// the body takes it as data and the use case checks it (shape, bands, cells) with pointers.
const RatingBody = Type.Object({ table: Type.Unknown({ description: 'A RatingTable (basis trip, occupation or age), premiums in integer fen' }) });

const CopyBody = Type.Object({ newCode: Type.String({ maxLength: 100 }), nameZh: Type.Optional(Text), nameEn: Type.Optional(Text) });

const CodeParams = Type.Object({ code: ProductCode });
const VersionParams = Type.Object({ code: ProductCode, kind: Type.Enum(DOCUMENT_KINDS), version: Type.Integer({ minimum: 1 }) });
const RatingVersionParams = Type.Object({ code: ProductCode, version: Type.Integer({ minimum: 1 }) });

/**
 * Editing the catalogue in the console (R-POL-1, R-POL-3; `catalogue.edit`, operations). Each change
 * answers the product as the console shows it. Documents and rating tables are new versions at any
 * time; terms, plans and coverage only until the product is sold (then 409
 * product_sold_terms_frozen: copy it as a new product). A product on sale must stay ready to sell
 * (409 product_edit_unpublishable with the problems). Problems come per field (422
 * catalogue_edit_invalid) with a JSON pointer into the body.
 */
export const consoleCatalogueEditingRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const db = () => fastify.services.database.db;
  const detailOf = async (request: FastifyRequest, code: string) => presentStaffDetail(await getProductForStaff(request.ctx('purchase'), db(), code, requestLanguage(request)));
  const edit = { tags: ['console'], params: CodeParams, response: { 200: StaffProductDetailSchema } };

  fastify.put('/api/console/catalogue/products/:code', { schema: { ...edit, summary: 'Change a product’s terms (only summary and order once sold)', body: TermsBody } }, async (request) => {
    await updateProductTerms(request.ctx('purchase'), db(), { code: request.params.code, terms: request.body, language: requestLanguage(request) });
    return detailOf(request, request.params.code);
  });

  fastify.put('/api/console/catalogue/products/:code/plans', { schema: { ...edit, summary: 'Replace the plans and coverage tables of a product never sold', body: PlansBody } }, async (request) => {
    await savePlans(request.ctx('purchase'), db(), { code: request.params.code, plans: request.body.plans, language: requestLanguage(request) });
    return detailOf(request, request.params.code);
  });

  fastify.post('/api/console/catalogue/products/:code/documents', { schema: { ...edit, summary: 'Write a new version of one of the product’s documents', body: DocumentBody } }, async (request) => {
    await addDocumentVersion(request.ctx('purchase'), db(), { code: request.params.code, document: request.body, language: requestLanguage(request) });
    return detailOf(request, request.params.code);
  });

  fastify.get(
    '/api/console/catalogue/products/:code/documents/:kind/versions/:version',
    { schema: { tags: ['console'], summary: 'The full text of one version of a document', params: VersionParams, response: { 200: StaffDocumentVersionSchema } } },
    async (request) => presentStaffDocumentVersion(await getDocumentVersion(request.ctx('purchase'), db(), request.params)),
  );

  fastify.get(
    '/api/console/catalogue/products/:code/rating-tables/:version',
    { schema: { tags: ['console'], summary: 'One version of the rating table, as it priced', params: RatingVersionParams, response: { 200: StaffRatingVersionSchema } } },
    async (request) => presentStaffRatingVersion(await getRatingVersion(request.ctx('purchase'), db(), request.params)),
  );

  fastify.post('/api/console/catalogue/products/:code/rating-tables', { schema: { ...edit, summary: 'Write a new version of the product’s rating table', body: RatingBody } }, async (request) => {
    await addRatingVersion(request.ctx('purchase'), db(), { code: request.params.code, table: request.body.table, language: requestLanguage(request) });
    return detailOf(request, request.params.code);
  });

  fastify.post(
    '/api/console/catalogue/products/:code/copy',
    { schema: { tags: ['console'], summary: '复制为新产品: a new draft with this product’s terms, plans, documents and rating table', params: CodeParams, body: CopyBody, response: { 201: StaffProductDetailSchema } } },
    async (request, reply) => {
      const { code } = await copyProduct(request.ctx('purchase'), db(), { code: request.params.code, ...request.body, language: requestLanguage(request) });
      return reply.code(201).send(await detailOf(request, code));
    },
  );
};
