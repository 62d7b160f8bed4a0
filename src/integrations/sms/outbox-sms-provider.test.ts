import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { latestCodeFor, OutboxSmsProvider, readOutbox } from './outbox-sms-provider.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'besttrav-sms-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('outbox SMS provider', () => {
  it('appends one JSON line per message to a file only its owner can read, creating its folder', async () => {
    const file = path.join(dir, 'nested', 'folder', 'sms-outbox.jsonl');
    const outbox = new OutboxSmsProvider(file);
    const first = await outbox.send({ to: '+8613800138000', template: 'verification_code', params: { code: '111111', minutes: 5 } });
    await outbox.send({ to: '+8613900139000', template: 'verification_code', params: { code: '222222', minutes: 5 } });

    expect(first.provider).toBe('outbox');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const entries = await readOutbox(file);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ to: '+8613800138000', template: 'verification_code', params: { code: '111111', minutes: 5 }, id: first.providerMessageId });
    expect(Number.isNaN(Date.parse(entries[0]?.at ?? ''))).toBe(false);
  });

  it('gives the latest code sent to a number, and none for a number that got nothing', async () => {
    const file = path.join(dir, 'sms-outbox.jsonl');
    const outbox = new OutboxSmsProvider(file);
    await outbox.send({ to: '+8613800138000', template: 'verification_code', params: { code: '111111', minutes: 5 } });
    await outbox.send({ to: '+8613900139000', template: 'verification_code', params: { code: '222222', minutes: 5 } });
    await outbox.send({ to: '+8613800138000', template: 'verification_code', params: { code: '333333', minutes: 5 } });

    expect(await latestCodeFor(file, '+8613800138000')).toBe('333333');
    expect(await latestCodeFor(file, '+8613900139000')).toBe('222222');
    expect(await latestCodeFor(file, '+8613700137000')).toBeUndefined();
  });

  it('reads a missing outbox as empty', async () => {
    expect(await readOutbox(path.join(dir, 'never-written.jsonl'))).toEqual([]);
    expect(await latestCodeFor(path.join(dir, 'never-written.jsonl'), '+8613800138000')).toBeUndefined();
  });

  it('keeps every line whole when sends overlap', async () => {
    const file = path.join(dir, 'sms-outbox.jsonl');
    const outbox = new OutboxSmsProvider(file);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => outbox.send({ to: `+86138001380${String(i).padStart(2, '0')}`, template: 'verification_code', params: { code: String(100000 + i), minutes: 5 } })),
    );
    expect(await readOutbox(file)).toHaveLength(50);
  });
});
