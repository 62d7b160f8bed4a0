import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { staffFindOrders } from '../../../modules/orders/staff-find-orders.ts';
import { staffUnmaskOrderParty } from '../../../modules/orders/staff-unmask-order-party.ts';
import { staffViewOrder } from '../../../modules/orders/staff-view-order.ts';
import { ID_DOCUMENT_TYPES } from '../../../shared/identity-documents.ts';
import { SALE_STEP_KINDS } from '../../../shared/orders.ts';
import { PAYMENT_PURPOSES, PAYMENT_STATUSES } from '../../../modules/payments/payment-terms.ts';
import { OrderReply as Order, presentOrder } from '../site/orders.ts';
import { RefundReply, presentRefund } from '../site/refunds.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([Type.Null(), schema]);
const OrderId = Type.String({ pattern: '^ord_[0-9a-z]{26}$' });

const MaskedParty = Type.Object({
  id: Type.String(),
  role: Type.Enum(['policyholder', 'insured', 'beneficiary']),
  position: Type.Integer(),
  insuredPosition: Nullable(Type.Integer()),
  relationship: Nullable(Type.String()),
  sharePercent: Nullable(Type.Integer()),
  name: Nullable(Type.String()),
  idDocument: Nullable(Type.Object({ type: Type.String(), number: Type.String() })),
  passport: Nullable(Type.String()),
  birthYear: Nullable(Type.String()),
  sex: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  occupationClass: Nullable(Type.Integer()),
  hasHealthDeclaration: Type.Boolean(),
});
const TimelineStep = Type.Object({
  seq: Type.Integer(),
  kind: Type.Enum(SALE_STEP_KINDS),
  action: Type.Enum(['shown', 'confirmed']),
  at: Type.String({ format: 'date-time' }),
  viewedMs: Nullable(Type.Integer()),
  contentHash: Nullable(Type.String()),
  statement: Nullable(Type.String()),
  document: Nullable(Type.Object({ version: Type.Integer(), titleZh: Type.String(), titleEn: Type.String(), bodyZh: Type.String(), bodyEn: Type.String(), textHash: Type.String() })),
});

const PaymentReply = Type.Object({
  id: Type.String(),
  purpose: Type.Enum(PAYMENT_PURPOSES),
  amountFen: Type.Integer({ minimum: 0 }),
  status: Type.Enum(PAYMENT_STATUSES),
  paidAt: Nullable(Type.String({ format: 'date-time' })),
  createdAt: Type.String({ format: 'date-time' }),
});
const Money = Type.Object({ payments: Type.Array(PaymentReply), refunds: Type.Array(RefundReply) });

/**
 * Orders in the console (R-POL-7, R-SEC-3): found by number or by a person's document (in a POST
 * body, never a URL), people masked, the sales-process record replayed, unmasking with a reason.
 */
export const consoleOrderRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const deps = () => ({ db: fastify.services.database.db, keyring: fastify.services.keyring });
  fastify.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  fastify.post(
    '/api/console/orders/search',
    {
      schema: {
        tags: ['console'],
        summary: 'Find orders by order number or by the exact identity document of anyone on them (audited)',
        body: Type.Object({
          orderId: Type.Optional(OrderId),
          idDocument: Type.Optional(Type.Object({ type: Type.Enum(ID_DOCUMENT_TYPES), number: Type.String({ maxLength: 64 }), issuingCountry: Type.Optional(Type.String({ maxLength: 8 })) })),
        }),
        response: { 200: Type.Object({ orders: Type.Array(Order) }) },
      },
    },
    async (request) => ({ orders: (await staffFindOrders(request.ctx('policy_service'), deps(), request.body)).map(presentOrder) }),
  );

  fastify.get(
    '/api/console/orders/:orderId',
    {
      schema: {
        tags: ['console'],
        summary: 'An order with its people masked and the replay of its sales process (可回溯)',
        params: Type.Object({ orderId: OrderId }),
        response: { 200: Type.Object({ order: Order, parties: Type.Array(MaskedParty), timeline: Type.Array(TimelineStep), money: Money }) },
      },
    },
    async (request) => {
      const view = await staffViewOrder(request.ctx('policy_service'), deps(), request.params.orderId);
      const money = {
        payments: view.money.payments.map((payment) => ({ ...payment, paidAt: payment.paidAt?.toISOString() ?? null, createdAt: payment.createdAt.toISOString() })),
        refunds: view.money.refunds.map(presentRefund),
      };
      return { order: presentOrder(view.order), parties: view.parties, timeline: view.timeline.map((step) => ({ ...step, at: step.at.toISOString() })), money };
    },
  );

  fastify.post(
    '/api/console/orders/:orderId/parties/:partyId/unmask',
    {
      schema: {
        tags: ['console'],
        summary: 'Show one person’s full identity and contact values, with a reason recorded in the audit log',
        params: Type.Object({ orderId: OrderId, partyId: Type.String({ pattern: '^opy_[0-9a-z]{26}$' }) }),
        body: Type.Object({ reason: Type.String({ maxLength: 500 }) }),
        response: {
          200: Type.Object({
            name: Type.Optional(Type.String()),
            namePinyin: Type.Optional(Type.String()),
            idDocument: Type.Optional(Type.Object({ type: Type.String(), number: Type.String(), issuingCountry: Nullable(Type.String()) })),
            passport: Type.Optional(Type.Object({ number: Type.String(), country: Type.String() })),
            birthDate: Type.Optional(Type.String()),
            phone: Type.Optional(Type.String()),
            email: Type.Optional(Type.String()),
          }),
        },
      },
    },
    async (request) => staffUnmaskOrderParty(request.ctx('policy_service', request.body.reason), deps(), request.params),
  );
};
