import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { dateChangeOptions } from '../../../modules/date-changes/date-change-options.ts';
import { confirmDateChangeReturn, getOwnDateChange, shownDateChange } from '../../../modules/date-changes/own-date-changes.ts';
import { quoteDateChange } from '../../../modules/date-changes/quote-date-change.ts';
import { requestDateChange } from '../../../modules/date-changes/request-date-change.ts';
import { DATE_CHANGE_STATUSES } from '../../../modules/date-changes/schema.ts';
import { negotiateLanguage } from '../../language.ts';
import { enqueueOf, purchaseOf } from './payments.ts';

const PolicyParams = Type.Object({ policyId: Type.String({ maxLength: 64 }) });
const DateChangeParams = Type.Object({ dateChangeId: Type.String({ maxLength: 64 }) });
// Any text: the shared date check answers bad dates per field, in the person's language.
const NewDates = { coverStart: Type.String({ maxLength: 10 }), coverEnd: Type.String({ maxLength: 10 }) };
const Day = Type.String({ format: 'date' });

export const DateChangeReply = Type.Object({
  id: Type.String(),
  policyId: Type.String(),
  status: Type.Enum(DATE_CHANGE_STATUSES),
  newCoverStart: Day,
  newCoverEnd: Day,
  differenceFen: Type.Integer(),
  payUrl: Type.Union([Type.String({ format: 'uri' }), Type.Null()]),
});

/**
 * 更改出行日期 in 我的保险 (R-POL-10), for the customer or guest session that owns the policy: the bounds,
 * a re-quote of new dates, the change itself (endorsed at once, or after the extra premium is paid at
 * the provider) and the change's state when the payer comes back. Nothing is cached.
 */
export const dateChangeRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { services } = fastify;
  const deps = () => ({ db: services.database.db, keyring: services.keyring, purchase: purchaseOf(services), enqueue: enqueueOf(services) });
  fastify.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  fastify.get(
    '/api/site/policies/:policyId/date-change',
    {
      schema: {
        tags: ['site'],
        summary: 'Whether my policy’s travel dates can be changed, within which bounds, and any change under way',
        params: PolicyParams,
        response: {
          200: Type.Object({
            policyId: Type.String(),
            coverStart: Day,
            coverEnd: Day,
            days: Type.Integer(),
            premiumFen: Type.Integer(),
            earliestStart: Day,
            latestStart: Day,
            minDays: Type.Integer(),
            maxDays: Type.Integer(),
            pending: Type.Union([DateChangeReply, Type.Null()]),
          }),
        },
      },
    },
    async (request) => dateChangeOptions(request.ctx('policy_service'), { db: services.database.db, keyring: services.keyring }, request.params.policyId),
  );

  fastify.post(
    '/api/site/policies/:policyId/date-change/quote',
    {
      schema: {
        tags: ['site'],
        summary: 'The premium of new travel dates and the difference to pay or get back; changes nothing',
        params: PolicyParams,
        body: Type.Object(NewDates),
        response: {
          200: Type.Object({ coverStart: Day, coverEnd: Day, days: Type.Integer(), premiumFen: Type.Integer(), currentPremiumFen: Type.Integer(), differenceFen: Type.Integer() }),
        },
      },
    },
    async (request) =>
      quoteDateChange(request.ctx('policy_service'), { db: services.database.db, keyring: services.keyring }, request.params.policyId, request.body, negotiateLanguage(request.headers['accept-language'])),
  );

  fastify.post(
    '/api/site/policies/:policyId/date-change',
    {
      schema: {
        tags: ['site'],
        summary: 'Change my travel dates with the difference shown: endorsed at once, or after paying the extra',
        params: PolicyParams,
        body: Type.Object({ ...NewDates, expectedDifferenceFen: Type.Integer(), idempotencyKey: Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$' }) }),
        response: {
          200: Type.Object({
            id: Type.String(),
            status: Type.Enum(DATE_CHANGE_STATUSES),
            coverStart: Day,
            coverEnd: Day,
            differenceFen: Type.Integer(),
            refundFen: Type.Integer(),
            payUrl: Type.Union([Type.String({ format: 'uri' }), Type.Null()]),
          }),
        },
      },
    },
    async (request) => {
      const change = await requestDateChange(request.ctx('policy_service'), deps(), {
        policyId: request.params.policyId,
        ...request.body,
        language: negotiateLanguage(request.headers['accept-language']),
      });
      // Whose it is was checked by the request: only the pay page is read here.
      const shown = await shownDateChange(services.database.db, change.id);
      return {
        id: change.id,
        status: change.status,
        coverStart: change.newCoverStart,
        coverEnd: change.newCoverEnd,
        differenceFen: change.differenceFen,
        refundFen: change.status === 'endorsed' && change.differenceFen < 0 ? -change.differenceFen : 0,
        payUrl: shown?.payUrl ?? null,
      };
    },
  );

  fastify.get(
    '/api/site/date-changes/:dateChangeId',
    { schema: { tags: ['site'], summary: 'A change of my travel dates, as it stands', params: DateChangeParams, response: { 200: DateChangeReply } } },
    async (request) => getOwnDateChange(request.ctx('policy_service'), services.database.db, request.params.dateChangeId),
  );

  fastify.post(
    '/api/site/date-changes/:dateChangeId/payment-return',
    {
      schema: { tags: ['site'], summary: 'Back from paying the extra premium: the change after asking the provider whether it is paid', params: DateChangeParams, response: { 200: DateChangeReply } },
    },
    async (request) => {
      const purchase = purchaseOf(services);
      return confirmDateChangeReturn(request.ctx('policy_service'), { db: services.database.db, provider: purchase.payment, enqueue: enqueueOf(services) }, request.params.dateChangeId);
    },
  );
};

