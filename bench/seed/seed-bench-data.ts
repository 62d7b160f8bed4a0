import { randomUUID } from 'node:crypto';
import { count, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { loadConfig } from '../../src/config/load-config.ts';
import { migrate } from '../../src/db/migrate.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import type { Db } from '../../src/db/types.ts';
import { createPurchaseIntegrations } from '../../src/integrations/create-purchase-integrations.ts';
import { ensureDemoInsurerRecipients } from '../../src/integrations/ensure-demo-insurer-recipients.ts';
import { createLogger } from '../../src/logging/create-logger.ts';
import { normaliseMobile } from '../../src/modules/accounts/phone.ts';
import { customers } from '../../src/modules/accounts/schema.ts';
import { phoneKeyOf } from '../../src/modules/accounts/sms-codes.ts';
import { ensureDemoCatalogue } from '../../src/modules/catalogue/demo/ensure-demo-catalogue.ts';
import { markOrderPaid } from '../../src/modules/orders/order-transitions.ts';
import { orders } from '../../src/modules/orders/schema.ts';
import { confirmSaleStep } from '../../src/modules/orders/confirm-sale-step.ts';
import { showSaleStep } from '../../src/modules/orders/show-sale-step.ts';
import { startSale } from '../../src/modules/orders/start-sale.ts';
import { submitApplication } from '../../src/modules/orders/submit-application.ts';
import { issuePolicy, type IssuanceDeps } from '../../src/modules/policies/issue-policy.ts';
import { policies } from '../../src/modules/policies/schema.ts';
import type { Ctx } from '../../src/privacy/access/context.ts';
import { encryptField } from '../../src/privacy/crypto/field-cipher.ts';
import { keyringFromConfig, type Keyring } from '../../src/privacy/crypto/keyring.ts';
import { newId } from '../../src/shared/ids.ts';
import { buildPersonPi } from '../../test/support/factories/person.ts';
import type { BenchDatabase, SeedState } from '../database/bench-database.ts';
import { randomApplication } from '../scenarios/applications.ts';
import { clonePolicies } from './clone-policies.ts';

export interface SeedTarget {
  customers: number;
  policies: number;
  /** Customers of my-policies, each with exactly `policiesEach` policies. */
  signedInCustomers: number;
  policiesEach: number;
}

const STATEMENTS = ['authorisation', 'confirmation'] as const;
/** Policies whose QR codes verify scans, drawn at random from all of them. */
const VERIFY_SAMPLE = 5_000;

/**
 * A customer row as the first SMS sign-in writes it (verify-sign-in-code.ts): the number only
 * encrypted and as a blind index. Written directly because ten thousand sign-ins over the API would
 * run into the per-IP code limits that protect real people.
 */
async function insertCustomers(db: Db, keyring: Keyring, phones: string[]): Promise<string[]> {
  const rows = phones.map((phone) => {
    const id = newId('cus');
    const e164 = normaliseMobile(phone);
    return { id, phoneEnc: encryptField(keyring, { table: 'customers', column: 'phone_enc', rowId: id }, e164), phoneBidx: phoneKeyOf(keyring, e164) };
  });
  const inserted = await db.insert(customers).values(rows).onConflictDoNothing().returning({ id: customers.id });
  return inserted.map((row) => row.id);
}

/**
 * One customer's purchase through the use cases the site API calls (sale, every document shown and
 * confirmed, application with two insured persons, consents), paid (without the provider: seeded
 * orders have no payment record) and issued through the insurer adapter like the issuance job.
 */
async function buyPolicy(deps: IssuanceDeps, customerId: string): Promise<void> {
  const ctx: Ctx = { actor: { type: 'customer', id: customerId }, purpose: 'purchase', requestId: `req_bench_${randomUUID()}`, ip: null };
  const language = 'zh-CN';
  const { productCode, application } = randomApplication();
  const sale = await startSale(ctx, deps.db, { productCode, language });
  for (const kind of [...sale.steps, ...STATEMENTS]) {
    const shown = await showSaleStep(ctx, deps.db, { saleId: sale.saleId, kind, language });
    await confirmSaleStep(ctx, deps.db, { saleId: sale.saleId, kind, contentHash: shown.contentHash, language });
  }
  const version = (purpose: string) => ({ version: sale.consents.find((consent) => consent.purpose === purpose)?.version ?? 0 });
  const order = await submitApplication(ctx, deps, {
    saleId: sale.saleId,
    idempotencyKey: randomUUID(),
    application,
    consents: { sensitivePi: version('sensitive_pi'), shareWithInsurer: version('share_with_insurer') },
    language,
  });
  await inTransaction(deps.db, (tx) => markOrderPaid(tx, { orderId: order.id, amountFen: order.premiumFen, paidAt: new Date() }));
  const issued = await issuePolicy(deps, order.id);
  if (issued.outcome !== 'issued') throw new Error(`seeded order ended ${issued.outcome}`);
}

async function policiesOf(db: Db, customerIds: string[]): Promise<Map<string, number>> {
  if (customerIds.length === 0) return new Map();
  const rows = await db
    .select({ customerId: orders.customerId, n: count() })
    .from(policies)
    .innerJoin(orders, eq(orders.id, policies.orderId))
    .where(inArray(orders.customerId, customerIds))
    .groupBy(orders.customerId);
  return new Map(rows.map((row) => [row.customerId as string, row.n]));
}

/** Prints how far a long seeding step is every few seconds, and its time at the end. */
function progressOf(label: string, total: number) {
  let done = 0;
  const startedAt = Date.now();
  const timer = setInterval(() => {
    const perSecond = done / ((Date.now() - startedAt) / 1000);
    const left = perSecond > 0 ? Math.ceil((total - done) / perSecond / 60) : '?';
    console.log(`  seeding ${label}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} (${perSecond.toFixed(0)}/s, about ${left} min left)`);
  }, 5_000);
  return {
    update: (count: number) => (done = count),
    end: () => {
      clearInterval(timer);
      console.log(`  seeded ${label}: ${total.toLocaleString('en')} in ${Math.round((Date.now() - startedAt) / 1000)} s`);
    },
  };
}

/** Runs `total` purchases through the use cases over `workers` parallel lanes. */
async function buyMany(deps: IssuanceDeps, customerId: string, total: number, workers: number): Promise<void> {
  if (total <= 0) return;
  const progress = progressOf(`policies of signed-in customer ${customerId}`, total);
  let next = 0;
  let done = 0;
  try {
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (next < total) {
          next += 1;
          await buyPolicy(deps, customerId);
          progress.update((done += 1));
        }
      }),
    );
  } finally {
    progress.end();
  }
}

async function openMigrated(bench: BenchDatabase, simulatorEnv: Record<string, string>) {
  const config = loadConfig({ ...bench.env, ...simulatorEnv, LOG_LEVEL: 'warn' });
  const logger = createLogger('warn');
  const database = await openDatabase(config.database, logger);
  try {
    await migrate(database, { logger });
    await ensureDemoCatalogue(database.db);
    await ensureDemoInsurerRecipients(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  return { config, logger, database };
}

/**
 * The schema and the demo catalogue with its insurers in the disclosure registry: what the embedded
 * server adds at its first start, and a PostgreSQL installation gets from its operators.
 */
export async function prepareCatalogue(bench: BenchDatabase): Promise<void> {
  const { database } = await openMigrated(bench, {});
  await database.close();
}

/**
 * The data my-policies and verify read among (issue 7: e.g. 10,000 customers, 50,000 policies), made
 * once per bench database and then reused: customers (rows as sign-in writes them); the signed-in
 * customers' 20 policies each through the real use cases (every ciphertext, blind index,
 * sales-process step, consent and audit entry a purchase writes); then the rest, spread over the
 * other customers, copied from those in bulk (clone-policies.ts). Resumable: what is already there
 * is counted, not made again.
 */
export async function seedBenchData(bench: BenchDatabase, simulatorEnv: Record<string, string>, target: SeedTarget): Promise<{ state: SeedState; policySample: string[] }> {
  const { config, logger, database } = await openMigrated(bench, simulatorEnv);
  const purchase = await createPurchaseIntegrations(config, logger).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  if (!purchase) throw new Error('the bench needs the payment sandbox and an insurer');
  try {
    const db = database.db;
    const keyring = keyringFromConfig(config);
    const deps: IssuanceDeps = { db, keyring, purchase };
    const state: SeedState = bench.readSeed() ?? { customers: 0, policies: 0, signedIn: [] };

    while (state.signedIn.length < target.signedInCustomers) {
      const { phone } = buildPersonPi();
      const [customerId] = await insertCustomers(db, keyring, [phone]);
      if (customerId) state.signedIn.push({ customerId, phone, policies: 0 });
    }
    bench.writeSeed(state);

    const signedInIds = state.signedIn.map((customer) => customer.customerId);
    const [present] = await db.select({ n: count() }).from(customers);
    let missingCustomers = target.customers - (present?.n ?? 0);
    if (missingCustomers > 0) console.log(`  seeding ${missingCustomers.toLocaleString('en')} customers…`);
    while (missingCustomers > 0) {
      const batch = Math.min(missingCustomers, 500);
      missingCustomers -= (await insertCustomers(db, keyring, Array.from({ length: batch }, () => buildPersonPi().phone))).length;
    }

    const workers = database.kind === 'postgres' ? 8 : 2;
    const owned = await policiesOf(db, signedInIds);
    for (const customer of state.signedIn) {
      await buyMany(deps, customer.customerId, target.policiesEach - (owned.get(customer.customerId) ?? 0), workers);
      customer.policies = target.policiesEach;
    }
    bench.writeSeed(state);

    const others = (await db.select({ id: customers.id }).from(customers).where(notInArray(customers.id, signedInIds))).map((row) => row.id);
    const [issued] = await db.select({ n: count() }).from(policies);
    const missingPolicies = target.policies - (issued?.n ?? 0);
    if (missingPolicies > 0) {
      const templateOrderIds = (await db.select({ id: orders.id }).from(orders).where(inArray(orders.customerId, signedInIds))).map((row) => row.id);
      const progress = progressOf('policies', missingPolicies);
      await clonePolicies(db, keyring, { templateOrderIds, owner: () => others[Math.floor(Math.random() * others.length)] as string, count: missingPolicies, onProgress: progress.update });
      progress.end();
    }

    const [finalCustomers] = await db.select({ n: count() }).from(customers);
    const [finalPolicies] = await db.select({ n: count() }).from(policies);
    state.customers = finalCustomers?.n ?? 0;
    state.policies = finalPolicies?.n ?? 0;
    bench.writeSeed(state);
    // Read now: with PGlite the server holds the database from its start on.
    const sample = await db.select({ id: policies.id }).from(policies).orderBy(sql`random()`).limit(VERIFY_SAMPLE);
    return { state, policySample: sample.map((row) => row.id) };
  } finally {
    await purchase.close();
    await database.close();
  }
}
