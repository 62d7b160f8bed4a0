import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { confirmSaleStep } from '../../../modules/orders/confirm-sale-step.ts';
import type { OrderSummary } from '../../../modules/orders/order-summary.ts';
import { showSaleStep } from '../../../modules/orders/show-sale-step.ts';
import { startSale } from '../../../modules/orders/start-sale.ts';
import { submitApplication } from '../../../modules/orders/submit-application.ts';
import { wakeAllOrderWaiters } from '../../../modules/orders/order-status-watch.ts';
import { getOwnOrder, listOwnOrders, waitForOwnOrder } from '../../../modules/orders/view-own-orders.ts';
import { INSURED_RELATIONSHIPS } from '../../../shared/application.ts';
import { ID_DOCUMENT_TYPES } from '../../../shared/identity-documents.ts';
import { ORDER_STATUSES, SHOWABLE_STEPS } from '../../../shared/orders.ts';
import { requestLanguage } from '../../language.ts';

// Generous limits: the shared application check reports the real ones per field, in the person's language.
const Str = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const IdDocument = Type.Object({ type: Type.Enum(ID_DOCUMENT_TYPES), number: Type.String({ maxLength: 64 }), issuingCountry: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 8 })])) });
const Person = Type.Object({
  name: Str(100),
  namePinyin: Str(100),
  idDocument: Type.Optional(IdDocument),
  passportNumber: Str(32),
  passportCountry: Str(8),
  birthDate: Str(10),
  sex: Type.Optional(Type.Enum(['male', 'female'])),
  phone: Str(32),
  email: Str(254),
  occupationClass: Type.Optional(Type.Integer({ minimum: 1, maximum: 6 })),
});
const Application = Type.Object(
  {
    product: Type.String({ maxLength: 64 }),
    plan: Type.String({ maxLength: 64 }),
    destinations: Type.Optional(Type.Array(Type.String({ maxLength: 8 }), { maxItems: 60 })),
    startDate: Str(10),
    endDate: Str(10),
    policyholder: Type.Union([
      Type.Object({ kind: Type.Literal('person'), person: Person }),
      Type.Object({
        kind: Type.Literal('institution'),
        institution: Type.Object({ name: Type.String({ maxLength: 200 }), creditCode: Type.String({ maxLength: 32 }), contactName: Type.String({ maxLength: 100 }), contactPhone: Type.String({ maxLength: 32 }), contactEmail: Str(254) }),
      }),
    ]),
    insured: Type.Array(
      Type.Object({
        relationship: Type.Enum(INSURED_RELATIONSHIPS),
        person: Person,
        beneficiaries: Type.Optional(
          Type.Union([
            Type.Object({ kind: Type.Literal('statutory') }),
            Type.Object({
              kind: Type.Literal('named'),
              named: Type.Array(Type.Object({ name: Type.String({ maxLength: 100 }), idDocument: IdDocument, relationship: Type.Enum(['spouse', 'child', 'parent', 'other']), sharePercent: Type.Integer() }), { maxItems: 10 }),
            }),
          ]),
        ),
        healthAnswers: Type.Optional(Type.Record(Type.String({ maxLength: 32 }), Type.Boolean())),
      }),
      { minItems: 1, maxItems: 200 },
    ),
  },
  { description: 'The application (投保): only the fields the product asks (its policyholderFields and insuredFields)' },
);
const ShowableKind = Type.Enum(SHOWABLE_STEPS);
const Localised = Type.Object({ code: Type.String(), nameZh: Type.String(), nameEn: Type.String() });
/** An order as both the site and the console answer it: no personal values. */
export const OrderReply = Type.Object({
  id: Type.String(),
  saleId: Type.String(),
  status: Type.Enum(ORDER_STATUSES),
  product: Type.Object({ code: Type.String(), nameZh: Type.String(), nameEn: Type.String(), coolingOffDays: Type.Integer() }),
  plan: Localised,
  coverStart: Type.String({ format: 'date' }),
  coverEnd: Type.String({ format: 'date' }),
  destinations: Type.Array(Type.String()),
  insuredCount: Type.Integer(),
  subtotalFen: Type.Integer(),
  discountFen: Type.Integer(),
  premiumFen: Type.Integer(),
  expiresAt: Type.String({ format: 'date-time' }),
  createdAt: Type.String({ format: 'date-time' }),
  paidAt: Type.Union([Type.Null(), Type.String({ format: 'date-time' })]),
  issuedAt: Type.Union([Type.Null(), Type.String({ format: 'date-time' })]),
  closedAt: Type.Union([Type.Null(), Type.String({ format: 'date-time' })]),
});

export function presentOrder(order: OrderSummary) {
  const iso = (value: Date | null) => value?.toISOString() ?? null;
  return { ...order, expiresAt: order.expiresAt.toISOString(), createdAt: order.createdAt.toISOString(), paidAt: iso(order.paidAt), issuedAt: iso(order.issuedAt), closedAt: iso(order.closedAt) };
}

/** Longest an order's answer waits for a change: well under the time-outs of proxies in front of the server. */
const MAX_WAIT_SECONDS = 20;


/**
 * The purchase flow of the customer site (R-POL-4 … R-POL-7), for signed-in customers and guest
 * sessions alike. Personal information travels only in bodies, never in addresses, and no answer
 * holding it is cached.
 */
export const orderRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const db = () => fastify.services.database.db;
  fastify.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  fastify.post(
    '/api/site/sales',
    {
      schema: {
        tags: ['site'],
        summary: 'Start applying for a product: the sales-process record begins with the product page (R-POL-7)',
        body: Type.Object({ productCode: Type.String({ maxLength: 64 }) }),
        response: {
          201: Type.Object({
            saleId: Type.String(),
            steps: Type.Array(ShowableKind),
            consents: Type.Array(Type.Object({ purpose: Type.Enum(['sensitive_pi', 'share_with_insurer']), version: Type.Integer(), text: Type.String(), isGranted: Type.Boolean() })),
          }),
        },
      },
    },
    async (request, reply) => reply.code(201).send(await startSale(request.ctx('purchase'), db(), { ...request.body, language: requestLanguage(request) })),
  );

  fastify.get(
    '/api/site/sales/:saleId/steps/:kind',
    {
      schema: {
        tags: ['site'],
        summary: 'The document or statement of one step, recorded as shown with its content hash',
        params: Type.Object({ saleId: Type.String({ maxLength: 64 }), kind: ShowableKind }),
        response: {
          200: Type.Object({
            kind: ShowableKind,
            contentHash: Type.String(),
            title: Type.String(),
            body: Type.String(),
            questions: Type.Union([Type.Null(), Type.Array(Type.Object({ id: Type.String(), text: Type.String() }))]),
            statement: Type.Union([Type.Null(), Type.String()]),
          }),
        },
      },
    },
    async (request) => {
      const { documentId: _documentId, ...content } = await showSaleStep(request.ctx('purchase'), db(), { ...request.params, language: requestLanguage(request) });
      return content;
    },
  );

  fastify.post(
    '/api/site/sales/:saleId/steps/:kind/confirmation',
    {
      schema: {
        tags: ['site'],
        summary: 'Confirm a step: refused unless the server showed exactly this content (its hash) in this sale',
        params: Type.Object({ saleId: Type.String({ maxLength: 64 }), kind: ShowableKind }),
        body: Type.Object({ contentHash: Type.String({ pattern: '^[0-9a-f]{64}$' }) }),
        response: { 200: Type.Object({ confirmedAt: Type.String({ format: 'date-time' }) }) },
      },
    },
    async (request) => {
      const { confirmedAt } = await confirmSaleStep(request.ctx('purchase'), db(), { ...request.params, contentHash: request.body.contentHash, language: requestLanguage(request) });
      return { confirmedAt: confirmedAt.toISOString() };
    },
  );

  fastify.post(
    '/api/site/orders',
    {
      schema: {
        tags: ['site'],
        summary: '确认投保: the application becomes an order awaiting payment (idempotent per key)',
        body: Type.Object({
          saleId: Type.String({ maxLength: 64 }),
          idempotencyKey: Type.String({ minLength: 16, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
          application: Application,
          consents: Type.Object({
            sensitivePi: Type.Optional(Type.Object({ version: Type.Integer({ minimum: 1 }) })),
            shareWithInsurer: Type.Optional(Type.Object({ version: Type.Integer({ minimum: 1 }) })),
          }),
        }),
        response: { 201: OrderReply },
      },
    },
    async (request, reply) => {
      const order = await submitApplication(request.ctx('purchase'), { db: db(), keyring: fastify.services.keyring }, { ...request.body, language: requestLanguage(request) });
      return reply.code(201).send(presentOrder(order));
    },
  );

  fastify.get(
    '/api/site/orders',
    { schema: { tags: ['site'], summary: 'My orders (customer or guest session), newest first', response: { 200: Type.Object({ orders: Type.Array(OrderReply) }) } } },
    async (request) => ({ orders: (await listOwnOrders(request.ctx('policy_service'), db())).map(presentOrder) }),
  );

  // A waiting answer must not hold up the server's shutdown.
  fastify.addHook('preClose', async () => wakeAllOrderWaiters(db()));

  fastify.get(
    '/api/site/orders/:orderId',
    {
      schema: {
        tags: ['site'],
        summary: 'One of my orders; with waitWhile, answered once its status is another one (or after waitSeconds)',
        params: Type.Object({ orderId: Type.String({ maxLength: 64 }) }),
        querystring: Type.Object({
          waitWhile: Type.Optional(Type.Enum(ORDER_STATUSES, { description: 'Hold the answer while the order is in this status, e.g. paid while its policy is being issued' })),
          waitSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_WAIT_SECONDS, default: MAX_WAIT_SECONDS })),
        }),
        response: { 200: OrderReply },
      },
    },
    async (request, reply) => {
      const ctx = request.ctx('policy_service');
      const { waitWhile, waitSeconds = MAX_WAIT_SECONDS } = request.query;
      if (!waitWhile) return presentOrder(await getOwnOrder(ctx, db(), request.params.orderId));
      // The page that asked went away (closed, navigated): stop waiting for it.
      const gone = new AbortController();
      reply.raw.once('close', () => gone.abort());
      return presentOrder(await waitForOwnOrder(ctx, db(), request.params.orderId, { whileStatus: waitWhile, timeoutMs: waitSeconds * 1000, signal: gone.signal }));
    },
  );
};
