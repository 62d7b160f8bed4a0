import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { OrderRefund } from '../../../modules/payments/order-money.ts';
import { listOwnRefunds } from '../../../modules/payments/own-refunds.ts';
import { REFUND_REASONS, REFUND_STATES } from '../../../modules/payments/payment-terms.ts';

const OrderParams = Type.Object({ orderId: Type.String({ maxLength: 64 }) });
const Time = Type.String({ format: 'date-time' });

export const RefundReply = Type.Object({
  id: Type.String(),
  amountFen: Type.Integer({ minimum: 1 }),
  reason: Type.Enum(REFUND_REASONS),
  // requested and pending: on its way; succeeded: paid out; failed: the provider refused, staff act.
  status: Type.Enum(REFUND_STATES),
  createdAt: Time,
  updatedAt: Time,
});

export const presentRefund = (refund: OrderRefund) => ({ ...refund, createdAt: refund.createdAt.toISOString(), updatedAt: refund.updatedAt.toISOString() });

/** The refunds of one order of this customer or guest session, as the order page shows them. Never cached. */
export const refundRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/api/site/orders/:orderId/refunds',
    { schema: { tags: ['site'], summary: 'The money given back on my order, and whether each refund has reached me', params: OrderParams, response: { 200: Type.Object({ refunds: Type.Array(RefundReply) }) } } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const rows = await listOwnRefunds(request.ctx('purchase'), fastify.services.database.db, request.params.orderId);
      return { refunds: rows.map(presentRefund) };
    },
  );
};
