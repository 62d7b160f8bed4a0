import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { deleteApplicationDraft } from '../../../modules/orders/delete-application-draft.ts';
import { getApplicationDraft } from '../../../modules/orders/get-application-draft.ts';
import { listApplicationDrafts } from '../../../modules/orders/list-application-drafts.ts';
import { saveApplicationDraft } from '../../../modules/orders/save-application-draft.ts';

const ProductCode = Type.Object({ productCode: Type.String({ maxLength: 64 }) });
const DateTime = Type.String({ format: 'date-time' });
// The purchase page's own form state: kept as it is, size and sensitive fields checked by the use case.
const DraftData = Type.Record(Type.String({ maxLength: 64 }), Type.Unknown(), { description: 'What the purchase form holds so far' });

/**
 * Application drafts of signed-in customers (R-POL-4): saved as they move through the purchase page,
 * offered when they come back, listed under 我的保险. Guests have none. Content travels only in
 * bodies and is never cached.
 */
export const draftRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const deps = () => ({ db: fastify.services.database.db, keyring: fastify.services.keyring });
  fastify.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  fastify.get(
    '/api/site/drafts',
    {
      schema: {
        tags: ['site'],
        summary: 'My unsent applications: the product of each and when it was last saved',
        response: { 200: Type.Object({ drafts: Type.Array(Type.Object({ productCode: Type.String(), productNameZh: Type.String(), productNameEn: Type.String(), updatedAt: DateTime })) }) },
      },
    },
    async (request) => {
      const drafts = await listApplicationDrafts(request.ctx('purchase'), deps().db);
      return { drafts: drafts.map((draft) => ({ ...draft, updatedAt: draft.updatedAt.toISOString() })) };
    },
  );

  fastify.get(
    '/api/site/drafts/:productCode',
    { schema: { tags: ['site'], summary: 'My draft for one product', params: ProductCode, response: { 200: Type.Object({ data: DraftData, updatedAt: DateTime }) } } },
    async (request) => {
      const draft = await getApplicationDraft(request.ctx('purchase'), deps(), request.params);
      return { data: draft.data, updatedAt: draft.updatedAt.toISOString() };
    },
  );

  fastify.put(
    '/api/site/drafts/:productCode',
    {
      schema: {
        tags: ['site'],
        summary: 'Save my draft for one product (replaces the earlier one); document numbers and health answers only with the sensitive-PI consent',
        params: ProductCode,
        body: Type.Object({ data: DraftData, saleId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'The sale the page is in: a save arriving after it became an order is refused' })) }),
        response: { 200: Type.Object({ updatedAt: DateTime }) },
      },
    },
    async (request) => {
      const { updatedAt } = await saveApplicationDraft(request.ctx('purchase'), deps(), { ...request.params, ...request.body });
      return { updatedAt: updatedAt.toISOString() };
    },
  );

  fastify.delete(
    '/api/site/drafts/:productCode',
    { schema: { tags: ['site'], summary: 'Throw my draft for one product away', params: ProductCode, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await deleteApplicationDraft(request.ctx('purchase'), deps().db, request.params);
      return reply.code(204).send(null);
    },
  );
};
