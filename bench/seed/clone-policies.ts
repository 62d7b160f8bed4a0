import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { inTransaction } from '../../src/db/transaction.ts';
import type { Db } from '../../src/db/types.ts';
import { readParties, sealParty, type Party } from '../../src/modules/orders/order-parties.ts';
import { orderParties, orders, sales } from '../../src/modules/orders/schema.ts';
import { policyIdOf } from '../../src/modules/policies/issuance-order.ts';
import { policies } from '../../src/modules/policies/schema.ts';
import { verificationLookupHash, verificationTokenOf } from '../../src/modules/policies/verification-token.ts';
import { systemCtx } from '../../src/privacy/access/context.ts';
import type { Keyring } from '../../src/privacy/crypto/keyring.ts';
import { newId } from '../../src/shared/ids.ts';
import { buildPersonPi } from '../../test/support/factories/person.ts';

interface Template {
  sale: typeof sales.$inferSelect;
  order: typeof orders.$inferSelect;
  parties: Party[];
  policy: typeof policies.$inferSelect;
}

const BATCH = 200;

async function loadTemplates(db: Db, keyring: Keyring, orderIds: string[]): Promise<Template[]> {
  const ctx = systemCtx('bench.seed', 'purchase');
  const orderRows = await db.select().from(orders).where(inArray(orders.id, orderIds));
  const templates: Template[] = [];
  for (const order of orderRows) {
    const [sale] = await db.select().from(sales).where(eq(sales.id, order.saleId));
    const [policy] = await db.select().from(policies).where(eq(policies.orderId, order.id));
    if (!sale || !policy) continue;
    templates.push({ sale, order, policy, parties: await readParties(ctx, { db, keyring }, order.id) });
  }
  return templates;
}

/** One more issued policy like `template`, for another customer, with other names and its own keys. */
function cloneOf(template: Template, customerId: string, keyring: Keyring) {
  const saleId = newId('sal');
  const orderId = newId('ord');
  const policyId = policyIdOf(orderId);
  const now = new Date();
  return {
    sale: { ...template.sale, id: saleId, customerId, guestId: null, startedAt: now },
    order: { ...template.order, id: orderId, saleId, customerId, guestId: null, idempotencyKey: randomUUID(), createdAt: now },
    parties: template.parties.map(({ values, ...party }) =>
      sealParty(keyring, { ...party, id: newId('opy'), orderId }, values.name === undefined ? values : { ...values, name: buildPersonPi().name }),
    ),
    policy: {
      ...template.policy,
      id: policyId,
      orderId,
      insurerPolicyNumber: `BN${orderId.slice(orderId.indexOf('_') + 1).toUpperCase()}`,
      verificationTokenHash: verificationLookupHash(keyring, verificationTokenOf(keyring, policyId)),
      createdAt: now,
    },
  };
}

/**
 * Issued policies made in bulk from ones the use cases made (the templates): the same rows a
 * purchase leaves in sales, orders, order_parties and policies — every person encrypted for its own
 * new row, new names, a verification token of its own — written 200 purchases to a transaction.
 * Only for the data the reading scenarios look through: the full purchase runs at a few per second
 * on a busy 2-core machine, which would make 50,000 policies take hours. The sales-process steps,
 * consent records and audit entries of a purchase are not copied (no reading scenario reads them).
 */
export async function clonePolicies(db: Db, keyring: Keyring, input: { templateOrderIds: string[]; owner: () => string; count: number; onProgress: (done: number) => void }): Promise<void> {
  const templates = await loadTemplates(db, keyring, input.templateOrderIds);
  if (templates.length === 0) throw new Error('no issued policy to copy: seed the signed-in customers first');
  for (let done = 0; done < input.count; ) {
    const size = Math.min(BATCH, input.count - done);
    const clones = Array.from({ length: size }, () => cloneOf(templates[Math.floor(Math.random() * templates.length)] as Template, input.owner(), keyring));
    await inTransaction(db, async (tx) => {
      await tx.insert(sales).values(clones.map((clone) => clone.sale));
      await tx.insert(orders).values(clones.map((clone) => clone.order));
      await tx.insert(orderParties).values(clones.flatMap((clone) => clone.parties));
      await tx.insert(policies).values(clones.map((clone) => clone.policy));
    });
    done += size;
    input.onProgress(done);
  }
}
