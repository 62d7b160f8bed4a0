import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPersonPi, luhnCheckDigit, residentIdCheckCharacter } from '../../../test/support/factories/person.ts';
import { isPiKey } from './pi-patterns.ts';
import { REDACTED, scrubText, scrubUrl, scrubValue } from './scrub.ts';

const digit = fc.integer({ min: 0, max: 9 }).map(String);
const phone = fc
  .tuple(fc.constantFrom('3', '5', '7', '8', '9'), fc.array(digit, { minLength: 9, maxLength: 9 }))
  .map(([second, rest]) => `1${second}${rest.join('')}`);
const residentId = fc.array(digit, { minLength: 17, maxLength: 17 }).map((d) => d.join('') + residentIdCheckCharacter(d.join('')));
const bankCard = fc.array(digit, { minLength: 11, maxLength: 17 }).map((d) => `6${d.join('')}`).map((p) => p + luhnCheckDigit(p));
const email = fc.emailAddress();
const noise = fc.string({ maxLength: 12 }).filter((s) => !/[\dA-Za-z@]/.test(s));

describe('PI scrubbing for logs and messages', () => {
  it('removes phone numbers, ID numbers, bank cards and e-mail addresses from any text around them', () => {
    fc.assert(
      fc.property(fc.oneof(phone, residentId, bankCard, email), noise, noise, (secret, before, after) => {
        const scrubbed = scrubText(`${before}${secret}${after}`);
        expect(scrubbed).not.toContain(secret);
      }),
      { numRuns: 400 },
    );
  });

  it('catches formatted phones and cards too', () => {
    expect(scrubText('call +86 138-0013-8000 now')).not.toMatch(/8000/);
    expect(scrubText('card 6222 0212 3456 7890 123')).not.toMatch(/7890/);
    expect(scrubText('passport E12345678')).toBe('passport [document-number]');
  });

  it('keeps ordinary text, short numbers and ids readable', () => {
    expect(scrubText('order ord_01jd8x2k4m has 3 items costing 12900 fen')).toBe('order ord_01jd8x2k4m has 3 items costing 12900 fen');
    expect(scrubText('GET /api/site/operator 200')).toBe('GET /api/site/operator 200');
  });

  it('replaces values under PI keys wholesale, at any depth, including arrays', () => {
    const person = buildPersonPi();
    const scrubbed = JSON.stringify(
      scrubValue({ applicant: { name: person.name, holder_address: person.address, insured: [{ fullName: person.name }] }, headers: { authorization: 'Bearer abc', cookie: 'sid=1' }, count: 2 }),
    );
    expect(scrubbed).not.toContain(person.name);
    expect(scrubbed).not.toContain(person.address);
    expect(scrubbed).not.toContain('Bearer abc');
    expect(scrubbed).toContain(REDACTED);
    expect(scrubbed).toContain('"count":2');
  });

  it('recognises PI keys in every spelling and leaves names of things alone', () => {
    for (const key of ['phone', 'insuredName', 'holder_phone', 'ID_NUMBER', 'bankCard', 'x-auth-token', 'email', 'set-cookie']) expect(isPiKey(key), key).toBe(true);
    for (const key of ['hostname', 'status', 'code', 'count', 'route', 'jobName', 'pathname']) expect(isPiKey(key), key).toBe(false);
  });

  it('survives cycles and errors with PI in their message', () => {
    const person = buildPersonPi();
    const cyclic: Record<string, unknown> = { id: 1 };
    cyclic.self = cyclic;
    expect(() => scrubValue(cyclic)).not.toThrow();
    const scrubbed = JSON.stringify(scrubValue({ err: new Error(`duplicate key (phone)=(${person.phone})`) }));
    expect(scrubbed).not.toContain(person.phone);
  });

  it('keeps query parameter names but never their values', () => {
    const person = buildPersonPi();
    const url = scrubUrl(`/api/orders/lookup?phone=${person.phone}&name=${encodeURIComponent(person.name)}&page=2`);
    expect(url).toBe('/api/orders/lookup?phone=[redacted]&name=[redacted]&page=[redacted]');
  });
});
