import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../../errors/app-error.ts';
import { handlePaymentNotification } from '../../../modules/payments/handle-payment-notification.ts';
import type { Ctx } from '../../../privacy/access/context.ts';
import { enqueueOf, purchaseOf } from '../site/payments.ts';

const MAX_NOTIFICATION_BYTES = 64 * 1024;

/**
 * The payment provider's signed notifications (R-POL-8). No session and no CSRF token: what vouches
 * for a notification is its signature over the exact bytes sent, so the body is kept as text and
 * verified before it is parsed. The answer is 2xx only once the notification is handled (recorded,
 * the order marked, issuance queued or a late payment refunded); anything else makes the provider
 * deliver it again.
 */
export const partnerPaymentRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { services } = fastify;
  // This plugin's own parsers: every body stays the text that was signed.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', { parseAs: 'string', bodyLimit: MAX_NOTIFICATION_BYTES }, (_request, body, done) => done(null, body));

  fastify.post(
    '/api/partner/payments/:provider/notify',
    {
      schema: {
        tags: ['partner'],
        summary: 'A signed payment notification from the payment provider (verified over the raw body; repeats are acknowledged without effect)',
        params: Type.Object({ provider: Type.String({ maxLength: 32 }) }),
        response: { 200: Type.Object({ received: Type.Literal(true) }) },
      },
    },
    async (request) => {
      const purchase = purchaseOf(services);
      if (request.params.provider !== purchase.payment.name) throw new AppError('not_found', 'No such payment provider');
      const ctx: Ctx = { actor: { type: 'partner', id: `payment.${purchase.payment.name}` }, purpose: 'purchase', requestId: String(request.id), ip: request.ip };
      const rawBody = typeof request.body === 'string' ? request.body : '';
      const applied = await handlePaymentNotification(ctx, { db: services.database.db, provider: purchase.payment, enqueue: enqueueOf(services) }, { rawBody, headers: request.headers });
      if (applied.refund?.status === 'failed') request.log.warn({ orderId: applied.orderId, refundId: applied.refund.refundId }, 'late payment: the provider refused its refund');
      return { received: true as const };
    },
  );
};
