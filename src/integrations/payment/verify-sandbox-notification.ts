import { Value } from 'typebox/value';
import { AppError } from '../../errors/app-error.ts';
import type { NotificationHeaders, PaymentNotification } from './payment-provider.ts';
import { PaidNotificationBody, parseJson } from './sandbox-api.ts';
import { checkSandboxSignature, headerValue, notificationStringToSign, sandboxHeaders } from './sandbox-signature.ts';

export interface NotificationKeys {
  merchantId: string;
  secret: string;
  now: Date;
}

/**
 * Checks a notification from the sandbox before anything in it is believed: the signature over the
 * exact bytes received (so verify before parsing, and hand in the raw body), the timestamp within
 * five minutes, then the body's shape. The merchant id comes from our own configuration, never from
 * the request, so a notification signed for another merchant fails.
 */
export function verifySandboxNotification(keys: NotificationKeys, rawBody: string, headers: NotificationHeaders): PaymentNotification {
  const notificationId = headerValue(headers, sandboxHeaders.notificationId);
  if (!notificationId) throw refused('missing_notification_id');
  const problem = checkSandboxSignature({
    secret: keys.secret,
    signature: headerValue(headers, sandboxHeaders.signature),
    timestamp: headerValue(headers, sandboxHeaders.timestamp),
    now: keys.now,
    stringToSign: (timestamp) => notificationStringToSign({ merchantId: keys.merchantId, notificationId, timestamp, body: rawBody }),
  });
  if (problem) throw refused(problem);

  const body = parseJson(rawBody);
  if (!Value.Check(PaidNotificationBody, body)) throw refused('malformed_body');
  // The header id is what was signed; a body naming another id is not the notification that was signed.
  if (body.id !== notificationId) throw refused('id_mismatch');
  return {
    notificationId,
    type: body.type,
    providerPaymentId: body.payment.id,
    merchantOrderId: body.payment.merchantOrderId,
    amountFen: body.payment.amountFen,
    paidAt: new Date(body.payment.paidAt),
  };
}

function refused(reason: string): AppError {
  return new AppError('payment_notification_invalid', `Payment notification refused: ${reason}`, { details: { provider: 'sandbox', reason } });
}
