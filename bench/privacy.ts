// `npm run bench:privacy [-- --entries 1000000] [--writers 64]`: the privacy core's costs on PostgreSQL,
// each next to a baseline measured in the same run (figures as ratios; the machine is shared).
import { createHash, randomBytes } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { migrate } from '../src/db/migrate.ts';
import { openPostgres } from '../src/db/open-postgres.ts';
import type { Ctx } from '../src/privacy/access/context.ts';
import { entryHash, GENESIS_HASH } from '../src/privacy/audit/audit-hash.ts';
import { AUDIT_CHAINS, recordAudit } from '../src/privacy/audit/record-audit.ts';
import { VERIFY_CONCURRENCY, verifyAudit } from '../src/privacy/audit/verify-audit.ts';
import { blindIndex } from '../src/privacy/crypto/blind-index.ts';
import { decryptField, encryptField } from '../src/privacy/crypto/field-cipher.ts';
import { ephemeralKeyring } from '../src/privacy/crypto/keyring.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
const entries = option('entries', 1_000_000);
const writers = option('writers', 64);
const seconds = option('seconds', 10);
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/besttrav_bench_privacy';

function perSecond(count: number, started: bigint): number {
  return Math.round(count / (Number(process.hrtime.bigint() - started) / 1e9));
}

function timeLoop(iterations: number, work: (i: number) => void): number {
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i += 1) work(i);
  return perSecond(iterations, started);
}

async function freshDatabase(): Promise<void> {
  const admin = new URL(url);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`drop database if exists "${name}" with (force)`);
  await client.query(`create database "${name}"`);
  await client.end();
}

const keyring = ephemeralKeyring();
const results: Array<{ measure: string; perSecond: number; baseline: string; baselinePerSecond: number; ratio: string }> = [];
const report = (measure: string, value: number, baseline: string, baselineValue: number) =>
  results.push({ measure, perSecond: value, baseline, baselinePerSecond: baselineValue, ratio: `${Math.round((value / baselineValue) * 100)} %` });

// 1. Field encryption and blind indexes, against a plain SHA-256 of the same values.
const phones = Array.from({ length: 10_000 }, (_, i) => `+86138${String(i).padStart(8, '0')}`);
const sha = timeLoop(300_000, (i) => createHash('sha256').update(phones[i % phones.length] as string).digest());
const roundTrips = timeLoop(200_000, (i) => {
  const where = { table: 'customers', column: 'phone_enc', rowId: `cus_${i}` };
  decryptField(keyring, where, encryptField(keyring, where, phones[i % phones.length] as string));
});
report('encrypt + decrypt (AES-256-GCM, bound to row)', roundTrips, 'sha256 of the value', sha);
report('blind index (HMAC-SHA256)', timeLoop(300_000, (i) => blindIndex(keyring, 'phone', phones[i % phones.length] as string)), 'sha256 of the value', sha);

// 2. Audit appends by many concurrent writers, against plain inserts of the same rows.
await freshDatabase();
const database = await openPostgres(url, { poolMax: writers, preparedStatements: true });
await migrate(database);
await database.exec(`create table bench_plain_audit (like audit_log including defaults)`);
const ctx: Ctx = { actor: { type: 'staff', id: 'stf_bench', roles: ['customer_service'] }, purpose: 'customer_service', requestId: 'req_bench', ip: '10.0.0.1' };
async function concurrently(work: () => Promise<void>): Promise<number> {
  let done = 0;
  const deadline = Date.now() + seconds * 1000;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (Date.now() < deadline) {
        await work();
        done += 1;
      }
    }),
  );
  return perSecond(done, started);
}
let plainSeq = 0;
const plain = await concurrently(async () => {
  plainSeq += 1;
  await database.db.execute(sql`insert into bench_plain_audit (chain, seq, at, actor_type, actor_id, action, subject_id, record, fields, purpose, request_id, ip, prev_hash, hash)
    values (0, ${plainSeq}, now(), 'staff', 'stf_bench', 'update', 'cus_1', 'customers/cus_1', '{phone}', 'customer_service', 'req', '10.0.0.1', 'x', 'y')`);
});
// 'update' entries: the bulk-read alert check (which runs after read/unmask) is measured separately below.
const appends = await concurrently(() => recordAudit(database.db, ctx, { action: 'update', subjectId: 'cus_1', record: 'customers/cus_1', fields: ['phone'] }));
report(`audit appends, ${writers} writers (${AUDIT_CHAINS} chains)`, appends, 'plain inserts, same writers', plain);
const readAppends = await concurrently(() => recordAudit(database.db, ctx, { action: 'read', subjectId: `cus_${Math.floor(Math.random() * 40)}`, record: 'customers/x', fields: ['phone_masked'] }));
report('audit appends of staff reads (with the bulk-read check)', readAppends, 'plain inserts, same writers', plain);

// 3. Verification of a large log, against reading the same rows without checking them.
await database.exec('alter table audit_log disable trigger audit_log_no_update_delete; delete from audit_log; alter table audit_log enable trigger audit_log_no_update_delete;');
const perChain = Math.ceil(entries / AUDIT_CHAINS);
process.stdout.write(`seeding ${entries.toLocaleString('en')} audit entries…\n`);
for (let chain = 0; chain < AUDIT_CHAINS; chain += 1) {
  let prevHash = GENESIS_HASH;
  for (let start = 1; start <= perChain; start += 2000) {
    const rows = [];
    for (let seq = start; seq < Math.min(start + 2000, perChain + 1); seq += 1) {
      const content = { chain, seq, at: new Date(1_790_000_000_000 + seq).toISOString(), actorType: 'staff', actorId: 'stf_bench', action: 'read' as const, subjectId: `cus_${seq % 977}`, record: 'customers/x', fields: ['phone'], purpose: 'customer_service', reason: null, requestId: `req_${randomBytes(4).toString('hex')}`, ip: '10.0.0.1' };
      const hash = entryHash(prevHash, content);
      rows.push({ ...content, at: new Date(content.at), prevHash, hash });
      prevHash = hash;
    }
    await database.db.insert((await import('../src/privacy/audit/schema.ts')).auditLog).values(rows);
  }
}
const scanStarted = process.hrtime.bigint();
const scanned = await database.query<{ n: number }>('select count(*)::int as n from (select * from audit_log order by chain, seq) t');
const scan = perSecond(scanned[0]?.n ?? 0, scanStarted);
// The default walks VERIFY_CONCURRENCY chains at once; the others show whether that is still the best choice.
for (const concurrency of [VERIFY_CONCURRENCY, 1, 4, 8]) {
  const verifyStarted = process.hrtime.bigint();
  const verified = await verifyAudit(database.db, keyring, undefined, concurrency);
  report(`audit:verify over ${verified.entries.toLocaleString('en')} entries, ${concurrency} chain(s) at once`, perSecond(verified.entries, verifyStarted), 'ordered scan of the same rows in SQL', scan);
  if (!verified.isIntact) throw new Error('seeded log did not verify');
}
await database.close();

console.log(`\nBesttrav privacy bench — PostgreSQL, ${os.cpus().length} cores, Node ${process.version}`);
console.table(results);
