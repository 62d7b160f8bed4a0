import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { getProductForStaff } from '../../../modules/catalogue/get-product-for-staff.ts';
import { listCatalogueForStaff } from '../../../modules/catalogue/list-catalogue-for-staff.ts';
import { searchKeywordStatistics } from '../../../modules/catalogue/search-keyword-statistics.ts';
import { setProductStatus } from '../../../modules/catalogue/set-product-status.ts';
import { PRODUCT_STATUSES } from '../../../shared/catalogue/terms.ts';
import { ProductCode, StaffProductDetailSchema, StaffProductSchema, presentStaffDetail, presentStaffProduct } from '../catalogue-presenters.ts';
import { consoleCatalogueEditingRoutes } from './catalogue-editing.ts';
import { requestLanguage } from '../../language.ts';

const CodeParams = Type.Object({ code: ProductCode });

/**
 * The catalogue in the console (R-POL-1, R-POL-2): operations see every product with what stands in
 * the way of publishing it, put products on sale and take them off (audited); the PI-protection
 * officer, auditors and administrators may look. Search statistics show only frequent keywords.
 * Editing terms, plans, documents and rating tables, and copying a product, are in catalogue-editing.ts.
 */
export const consoleCatalogueRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const db = () => fastify.services.database.db;
  await fastify.register(consoleCatalogueEditingRoutes);

  fastify.get(
    '/api/console/catalogue/products',
    { schema: { tags: ['console'], summary: 'Every product, drafts included, with problems that block publishing', response: { 200: Type.Array(StaffProductSchema) } } },
    async (request) => (await listCatalogueForStaff(request.ctx('purchase'), db(), requestLanguage(request))).map(({ product, problems }) => presentStaffProduct(product, problems)),
  );

  fastify.get(
    '/api/console/catalogue/products/:code',
    { schema: { tags: ['console'], summary: 'One product with its rating table and the history of its documents and rating tables', params: CodeParams, response: { 200: StaffProductDetailSchema } } },
    async (request) => presentStaffDetail(await getProductForStaff(request.ctx('purchase'), db(), request.params.code, requestLanguage(request))),
  );

  fastify.put(
    '/api/console/catalogue/products/:code/status',
    {
      schema: {
        tags: ['console'],
        summary: 'Publish a product (refused with the list of problems when it is not ready) or take it off sale',
        params: CodeParams,
        body: Type.Object({ status: Type.Enum(PRODUCT_STATUSES) }),
        response: { 200: StaffProductDetailSchema },
      },
    },
    async (request) => {
      await setProductStatus(request.ctx('purchase'), db(), { code: request.params.code, status: request.body.status, language: requestLanguage(request) });
      return presentStaffDetail(await getProductForStaff(request.ctx('purchase'), db(), request.params.code, requestLanguage(request)));
    },
  );

  fastify.get(
    '/api/console/catalogue/search-keywords',
    {
      schema: {
        tags: ['console'],
        summary: 'The most searched keywords of the last days (only keywords searched at least 3 times)',
        querystring: Type.Object({ days: Type.Integer({ minimum: 1, maximum: 366, default: 30 }), limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) }),
        response: { 200: Type.Array(Type.Object({ keyword: Type.String(), count: Type.Integer() })) },
      },
    },
    async (request) => searchKeywordStatistics(request.ctx('analytics'), db(), request.query),
  );
};
