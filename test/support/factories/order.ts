import { randomBytes } from 'node:crypto';
import type { Db } from '../../../src/db/types.ts';
import { ensureDemoCatalogue } from '../../../src/modules/catalogue/demo/ensure-demo-catalogue.ts';
import { confirmSaleStep } from '../../../src/modules/orders/confirm-sale-step.ts';
import type { OrderSummary } from '../../../src/modules/orders/order-summary.ts';
import { showSaleStep } from '../../../src/modules/orders/show-sale-step.ts';
import { startSale } from '../../../src/modules/orders/start-sale.ts';
import { submitApplication } from '../../../src/modules/orders/submit-application.ts';
import type { Ctx } from '../../../src/privacy/access/context.ts';
import type { Keyring } from '../../../src/privacy/crypto/keyring.ts';
import { todayInBeijing } from '../../../src/shared/identity-documents.ts';
import { newId } from '../../../src/shared/ids.ts';
import { buildPersonPi } from './person.ts';

/** The access context of a new guest session (a purchase needs no account, R-ACC-2). */
export function guestCtx(): Ctx {
  return { actor: { type: 'guest', id: newId('gst') }, purpose: 'purchase', requestId: `req_${randomBytes(6).toString('hex')}`, ip: '203.0.113.7' };
}

function beijingDayAfter(days: number): string {
  const [year, month, day] = todayInBeijing().split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/**
 * An order awaiting payment, made the way the site makes one (startSale → every document shown and
 * confirmed → submitApplication): domestic travel for the policyholder alone, cover from tomorrow for
 * five days, a made-up person. The demo catalogue is added to the database when missing.
 */
export async function orderAwaitingPayment(deps: { db: Db; keyring: Keyring }, options: { ctx?: Ctx; plan?: 'basic' | 'plus' } = {}): Promise<{ ctx: Ctx; order: OrderSummary }> {
  const ctx = options.ctx ?? guestCtx();
  const language = 'zh-CN' as const;
  await ensureDemoCatalogue(deps.db);
  const sale = await startSale(ctx, deps.db, { productCode: 'domestic-travel', language });
  for (const kind of [...sale.steps, 'confirmation' as const]) {
    const shown = await showSaleStep(ctx, deps.db, { saleId: sale.saleId, kind, language });
    await confirmSaleStep(ctx, deps.db, { saleId: sale.saleId, kind, contentHash: shown.contentHash, language });
  }
  const consentVersion = (purpose: string) => sale.consents.find((consent) => consent.purpose === purpose)?.version ?? 1;
  const person = buildPersonPi();
  const order = await submitApplication(ctx, deps, {
    saleId: sale.saleId,
    idempotencyKey: newId('key'),
    language,
    application: {
      product: 'domestic-travel',
      plan: options.plan ?? 'basic',
      destinations: ['CN'],
      startDate: beijingDayAfter(1),
      endDate: beijingDayAfter(5),
      policyholder: { kind: 'person', person: { name: person.name, idDocument: { type: 'resident_id', number: person.idNumber }, phone: person.phone } },
      insured: [{ relationship: 'self', person: {}, beneficiaries: { kind: 'statutory' } }],
    },
    consents: { sensitivePi: { version: consentVersion('sensitive_pi') }, shareWithInsurer: { version: consentVersion('share_with_insurer') } },
  });
  return { ctx, order };
}
