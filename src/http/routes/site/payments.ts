import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../../errors/app-error.ts';
import type { Enqueue } from '../../../modules/policies/request-issuance.ts';
import { confirmPaymentReturn } from '../../../modules/payments/confirm-payment-return.ts';
import { createOrderPayment } from '../../../modules/payments/create-order-payment.ts';
import type { AppServices } from '../../services.ts';
import { OrderReply, presentOrder } from './orders.ts';

const OrderParams = Type.Object({ orderId: Type.String({ maxLength: 64 }) });

/** The configured payment provider, or a plain refusal where the platform takes no payments. */
export function purchaseOf(services: AppServices) {
  if (!services.purchase) throw new AppError('payments_unavailable', 'No payment provider configured');
  return services.purchase;
}

/** The job system's send, for the steps that queue issuance after a payment; null without one. */
export function enqueueOf(services: AppServices): Enqueue {
  const jobs = services.jobs;
  return jobs ? (name, data, options) => jobs.send(name, data, options ?? {}) : null;
}

/**
 * Paying for an order (R-POL-8), for its customer or guest session: the way to the provider's pay
 * page, and the check when the payer comes back — which asks the provider, never the address.
 */
export const paymentRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { services } = fastify;
  fastify.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  fastify.post(
    '/api/site/orders/:orderId/payment',
    {
      schema: {
        tags: ['site'],
        summary: '去支付: the provider’s pay page for an order awaiting payment (the same payment when asked again)',
        params: OrderParams,
        response: { 200: Type.Object({ payUrl: Type.String({ format: 'uri' }) }) },
      },
    },
    async (request) => {
      const purchase = purchaseOf(services);
      return createOrderPayment(request.ctx('purchase'), { db: services.database.db, provider: purchase.payment, publicUrl: purchase.publicUrl }, request.params);
    },
  );

  fastify.post(
    '/api/site/orders/:orderId/payment/return',
    {
      schema: {
        tags: ['site'],
        summary: 'Back from the pay page: the order after asking the provider whether it is paid',
        params: OrderParams,
        response: { 200: OrderReply },
      },
    },
    async (request) => {
      const purchase = purchaseOf(services);
      const deps = { db: services.database.db, provider: purchase.payment, enqueue: enqueueOf(services) };
      return presentOrder(await confirmPaymentReturn(request.ctx('purchase'), deps, request.params));
    },
  );
};
