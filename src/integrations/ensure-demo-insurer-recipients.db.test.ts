import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { demoInsurers } from '../modules/catalogue/demo/insurers.ts';
import { systemCtx } from '../privacy/access/context.ts';
import { checkDisclosure, recipientOfIntegration } from '../privacy/disclosures/disclose.ts';
import { recipients } from '../privacy/disclosures/schema.ts';
import { APPLICATION_CATEGORIES, ensureDemoInsurerRecipients } from './ensure-demo-insurer-recipients.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const ctx = systemCtx('policies.issue-policy', 'purchase');
const application = (recipientId: string, purpose: 'purchase' | 'marketing' = 'purchase') => ({
  recipientId,
  subjectKey: 'cus_demo',
  fields: APPLICATION_CATEGORIES.map((category) => ({ name: category, category })),
  purpose,
  basis: 'contract' as const,
});

describe('demo insurers in the disclosure registry', () => {
  it('R-SHR-1 each demo insurer may receive a whole application for the purchase, under an agreement in force; nothing else', async () => {
    expect(await ensureDemoInsurerRecipients(database.db)).toBe(demoInsurers.length);
    for (const insurer of demoInsurers) {
      const recipientId = await recipientOfIntegration(database.db, `insurer.${insurer.code}`);
      if (!recipientId) throw new Error(`no recipient for ${insurer.code}`);
      await expect(checkDisclosure(ctx, database.db, application(recipientId))).resolves.toBeUndefined();
      await expect(checkDisclosure(ctx, database.db, application(recipientId, 'marketing'))).rejects.toMatchObject({ code: 'disclosure_refused' });
    }
  });

  it('R-SHR-1 seeding again adds nothing and leaves a recipient the officer suspended suspended', async () => {
    const integration = `insurer.${demoInsurers[0]?.code}`;
    await database.db.update(recipients).set({ status: 'suspended' }).where(eq(recipients.integration, integration));
    expect(await ensureDemoInsurerRecipients(database.db)).toBe(0);
    const [row] = await database.db.select().from(recipients).where(eq(recipients.integration, integration));
    expect(row?.status).toBe('suspended');
    await expect(checkDisclosure(ctx, database.db, application(row?.id as string))).rejects.toMatchObject({ code: 'disclosure_refused' });
  });
});
