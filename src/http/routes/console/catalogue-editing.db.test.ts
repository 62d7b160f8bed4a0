import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedInStaff } from '../../../../test/support/staff-session.ts';
import { useTestApp } from '../../../../test/support/test-app.ts';
import type { TestDatabase } from '../../../../test/support/test-database.ts';
import { ensureDemoCatalogue } from '../../../modules/catalogue/demo/ensure-demo-catalogue.ts';

let database: TestDatabase;
let app: FastifyInstance;
useTestApp({}, (built) => ({ app, database } = built));
beforeAll(async () => {
  await ensureDemoCatalogue(database.db);
});

const base = '/api/console/catalogue/products';

describe('catalogue editing over HTTP', () => {
  it('R-POL-1 R-POL-3 operations copy a product, edit its plans, a document and the rating table; the answers carry the new versions', async () => {
    const { client } = await signedInStaff(app, database.db, ['operations']);
    const copied = await client.post(`${base}/accident-plus/copy`, { newCode: 'accident-plus-http', nameZh: '意外保障（新版）' });
    expect(copied.statusCode, copied.body).toBe(201);
    const copy = copied.json();
    expect(copy).toMatchObject({ code: 'accident-plus-http', nameZh: '意外保障（新版）', status: 'draft', isSold: false, problems: [] });

    const plans = structuredClone(copy.plans).map(({ level: _level, ...plan }: { level: number }) => plan);
    plans[0].coverages[0].sumInsuredFen += 1_000_00;
    const saved = await client.put(`${base}/accident-plus-http/plans`, { plans });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().plans[0].coverages[0].sumInsuredFen).toBe(copy.plans[0].coverages[0].sumInsuredFen + 1_000_00);

    const terms = copy.documents.find((document: { kind: string }) => document.kind === 'terms');
    const written = await client.post(`${base}/accident-plus-http/documents`, { ...terms, bodyZh: `${terms.bodyZh}\n第二版。` });
    expect(written.statusCode, written.body).toBe(200);
    const history = written.json().documentHistory.filter((row: { kind: string }) => row.kind === 'terms');
    expect(history.map((row: { version: number; createdByName: string | null }) => [row.version, Boolean(row.createdByName)])).toEqual([
      [2, true],
      [1, true],
    ]);
    const first = await client.get(`${base}/accident-plus-http/documents/terms/versions/1`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ version: 1, bodyZh: terms.bodyZh, textHash: terms.textHash });

    // An occupation-basis table passes through the body untouched (no key stripped) and is checked by the use case.
    const table = structuredClone(copy.ratingTable);
    table.premiums[plans[0].code][0] += 100;
    for (const plan of plans.slice(1)) table.premiums[plan.code] = table.premiums[plan.code].map((fen: number, index: number) => Math.max(fen, table.premiums[plans[0].code][index]));
    const rated = await client.post(`${base}/accident-plus-http/rating-tables`, { table });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json().ratingHistory.map((row: { version: number }) => row.version)).toEqual([2, 1]);
    expect(rated.json().ratingTable).toEqual(table);
    // The version a sale was priced with stays readable as it was.
    const before = await client.get(`${base}/accident-plus-http/rating-tables/1`);
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json()).toMatchObject({ version: 1, table: copy.ratingTable, contentHash: rated.json().ratingHistory[1].contentHash });
    expect((await client.get(`${base}/accident-plus-http/rating-tables/9`)).statusCode).toBe(404);
  });

  it('problems come per field in the staff member’s language; other staff may read but not edit', async () => {
    const { client } = await signedInStaff(app, database.db, ['operations']);
    const copy = (await client.get(`${base}/asia-easy`)).json();
    const refused = await client.speaks('en').post(`${base}/asia-easy/rating-tables`, { table: { ...copy.ratingTable, groupDiscounts: [{ minInsured: 10, bps: 500 }, { minInsured: 5, bps: 1000 }] } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'catalogue_edit_invalid', errors: [{ pointer: '/rating/groupDiscounts/1', detail: 'steps grow with the group' }] });
    const badCode = await client.post(`${base}/asia-easy/copy`, { newCode: '-nope' });
    expect(badCode.json()).toMatchObject({ code: 'catalogue_edit_invalid', errors: [{ pointer: '/newCode', detail: expect.stringContaining('Lower-case letters') }] });

    const { client: auditor } = await signedInStaff(app, database.db, ['auditor']);
    expect((await auditor.get(`${base}/asia-easy/documents/terms/versions/1`)).statusCode).toBe(200);
    expect((await auditor.get(`${base}/asia-easy/rating-tables/1`)).statusCode).toBe(200);
    expect((await auditor.post(`${base}/asia-easy/copy`, { newCode: 'asia-easy-aud' })).statusCode).toBe(403);
  });
});
