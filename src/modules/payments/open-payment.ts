import { eq } from 'drizzle-orm';
import type { Db } from '../../db/types.ts';
import type { PaymentProvider } from '../../integrations/payment/payment-provider.ts';
import { newId } from '../../shared/ids.ts';
import { paymentKeyOf, type PaymentPurpose } from './payment-terms.ts';
import type { PaymentRow } from './payment-records.ts';
import { payments } from './schema.ts';

export interface OpenPaymentDeps {
  db: Db;
  provider: PaymentProvider;
  /** The site's public address: where the provider sends its notification and the payer back. */
  publicUrl: string;
}

export interface PaymentSpec {
  orderId: string;
  purpose: PaymentPurpose;
  /** What the provider is told the payment is for (its merchant order number): one payment per reference. */
  reference: string;
  amountFen: number;
  /** The product's name: nothing about the people. */
  description: string;
  /** Path on the site the payer comes back to. */
  returnPath: string;
  expiresAt: Date;
}

/** Where the provider POSTs its signed notifications (src/http/routes/partner/payments.ts). */
export function notifyUrlOf(publicUrl: string, provider: string): string {
  return `${publicUrl}/api/partner/payments/${provider}/notify`;
}

/**
 * The payment of one reference at the provider, made once: asked again (a second tab, a retry) it is
 * the same payment, at the provider (same idempotency key and request) as here.
 */
export async function openPayment(deps: OpenPaymentDeps, spec: PaymentSpec): Promise<PaymentRow> {
  const key = paymentKeyOf(spec.reference);
  const existing = await paymentByKey(deps.db, key);
  if (existing) return existing;
  const created = await deps.provider.createPayment({
    merchantOrderId: spec.reference,
    amountFen: spec.amountFen,
    description: spec.description,
    notifyUrl: notifyUrlOf(deps.publicUrl, deps.provider.name),
    returnUrl: `${deps.publicUrl}${spec.returnPath}`,
    expiresAt: spec.expiresAt,
    idempotencyKey: key,
  });
  // Two requests racing both reach the same provider payment; the first row stays.
  await deps.db
    .insert(payments)
    .values({
      id: newId('pay'),
      orderId: spec.orderId,
      provider: deps.provider.name,
      providerPaymentId: created.providerPaymentId,
      amountFen: spec.amountFen,
      status: 'pending',
      payUrl: created.payUrl,
      expiresAt: spec.expiresAt,
      idempotencyKey: key,
      purpose: spec.purpose,
      merchantReference: spec.reference,
    })
    .onConflictDoNothing();
  return (await paymentByKey(deps.db, key)) as PaymentRow;
}

async function paymentByKey(db: Db, key: string): Promise<PaymentRow | null> {
  const [row] = await db.select().from(payments).where(eq(payments.idempotencyKey, key));
  return row ?? null;
}
