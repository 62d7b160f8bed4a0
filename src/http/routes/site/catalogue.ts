import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { comparePlans, MAX_COMPARED } from '../../../modules/catalogue/compare-plans.ts';
import { getPublishedProduct } from '../../../modules/catalogue/get-product.ts';
import { listProducts } from '../../../modules/catalogue/list-products.ts';
import { quotePlan } from '../../../modules/catalogue/quote-plan.ts';
import { PRODUCT_TYPES } from '../../../shared/catalogue/terms.ts';
import {
  ComparisonSchema,
  PlanCode,
  ProductCode,
  ProductDetailSchema,
  ProductSummarySchema,
  QuoteSchema,
  presentComparison,
  presentDetail,
  presentQuote,
  presentSummary,
} from '../catalogue-presenters.ts';

const DestinationCode = Type.String({ pattern: '^[A-Za-z]{2}$' });
const Age = Type.Integer({ minimum: 0, maximum: 120 });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

/**
 * The product catalogue on the site (R-POL-1, R-POL-3): list with filters and keyword search, product
 * pages, plan comparison and quotes. Public, no personal information in or out: a quote takes
 * destinations, dates or days, ages and (accident) an occupation class — fields the schema does not
 * name, such as a name or an ID number, are dropped before the use case sees the body — and nothing
 * of it is stored. A keyword search is counted per day with no link to who searched (R-POL-2).
 */
export const catalogueRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const db = () => fastify.services.database.db;

  fastify.get(
    '/api/site/products',
    {
      schema: {
        tags: ['site'],
        summary: 'Published products, filtered and searched, with the lowest price for the trip described',
        querystring: Type.Object({
          type: Type.Optional(Type.Enum(PRODUCT_TYPES)),
          destination: Type.Optional(DestinationCode),
          days: Type.Optional(Type.Integer({ minimum: 1, maximum: 366 })),
          ages: Type.Optional(Type.Array(Age, { maxItems: 50 })),
          maxPriceFen: Type.Optional(Type.Integer({ minimum: 0 })),
          q: Type.Optional(Type.String({ maxLength: 100 })),
          refine: Type.Optional(Type.Boolean({ description: 'The same search with other filters changed: not counted again' })),
        }),
        response: { 200: Type.Object({ products: Type.Array(ProductSummarySchema) }) },
      },
    },
    async (request) => {
      const summaries = await listProducts(db(), request.query);
      return { products: summaries.map(({ product, fromPriceFen }) => presentSummary(product, fromPriceFen)) };
    },
  );

  fastify.get(
    '/api/site/products/:code',
    { schema: { tags: ['site'], summary: 'One published product: insurer, plans with coverage, documents, rating basis', params: Type.Object({ code: ProductCode }), response: { 200: ProductDetailSchema } } },
    async (request) => presentDetail(await getPublishedProduct(db(), request.params.code)),
  );

  fastify.get(
    '/api/site/plan-comparison',
    {
      schema: {
        tags: ['site'],
        summary: `Up to ${MAX_COMPARED} plans side by side, coverage aligned by item`,
        querystring: Type.Object({ plans: Type.Array(Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,63}:[a-z0-9][a-z0-9-]{0,63}$' }), { minItems: 1, maxItems: MAX_COMPARED }) }),
        response: { 200: ComparisonSchema },
      },
    },
    async (request) => {
      const selection = request.query.plans.map((pair) => {
        const [product = '', plan = ''] = pair.split(':');
        return { product, plan };
      });
      return presentComparison(await comparePlans(db(), selection));
    },
  );

  fastify.post(
    '/api/site/quotes',
    {
      schema: {
        tags: ['site'],
        summary: 'Price one plan for a trip: destinations, dates or days, ages — never names or ID numbers. Nothing is stored.',
        body: Type.Object(
          {
            product: ProductCode,
            plan: PlanCode,
            destinations: Type.Optional(Type.Array(DestinationCode, { maxItems: 10 })),
            days: Type.Optional(Type.Integer({ minimum: 1, maximum: 366 })),
            startDate: Type.Optional(Day),
            endDate: Type.Optional(Day),
            ages: Type.Array(Age, { minItems: 1, maxItems: 100 }),
            occupationClass: Type.Optional(Type.Integer({ minimum: 1, maximum: 6 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: QuoteSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return presentQuote(await quotePlan(db(), request.body));
    },
  );
};
