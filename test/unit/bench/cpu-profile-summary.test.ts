import { describe, expect, it } from 'vitest';
import { areaOf, shortLocation, summariseCpuProfile, type CpuProfile } from '../../../bench/profile/cpu-profile-summary.ts';

const root = '/work/app';
const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });

describe('bench CPU profile summary', () => {
  it('names functions by project-relative file or package and groups them by area', () => {
    expect(shortLocation('file:///work/app/src/privacy/crypto/field-cipher.ts', root)).toBe('src/privacy/crypto/field-cipher.ts');
    expect(shortLocation('file:///work/app/node_modules/pg/lib/client.js', root)).toBe('pg/lib/client.js');
    expect(shortLocation('node:internal/streams/writable', root)).toBe('node:internal/streams/writable');
    expect(areaOf('pg/lib/client.js', 'query')).toBe('pg');
    expect(areaOf('@fastify/cookie/plugin.js', 'parse')).toBe('@fastify/cookie');
    expect(areaOf('src/privacy/crypto/field-cipher.ts', 'encryptField')).toBe('src/privacy');
    expect(areaOf('node:internal/streams/writable', 'write')).toBe('node internals');
    expect(areaOf('', '(garbage collector)')).toBe('(garbage collector)');
    expect(areaOf('', 'writev')).toBe('(native)');
  });

  it('sums self time per function over every call-tree node of it, without idle time', () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(root)') },
        { id: 2, callFrame: frame('(idle)') },
        { id: 3, callFrame: frame('encryptField', 'file:///work/app/src/privacy/crypto/field-cipher.ts', 9) },
        { id: 4, callFrame: frame('encryptField', 'file:///work/app/src/privacy/crypto/field-cipher.ts', 9) },
        { id: 5, callFrame: frame('', 'file:///work/app/node_modules/pg/lib/client.js', 99) },
        { id: 6, callFrame: frame('(garbage collector)') },
      ],
      startTime: 1_000_000,
      samples: [2, 3, 4, 5, 6, 2, 3],
      timeDeltas: [5_000_000, 2_000, 3_000, 4_000, 1_000, 7_000, 5_000],
    };
    const summary = summariseCpuProfile(profile, root);
    expect(summary.busyMs).toBe(15);
    expect(summary.idleMs).toBe(5_007);
    expect(summary.top).toEqual([
      { function: 'encryptField (src/privacy/crypto/field-cipher.ts:10)', selfMs: 10, percent: 66.7 },
      { function: '(anonymous) (pg/lib/client.js:100)', selfMs: 4, percent: 26.7 },
      { function: '(garbage collector)', selfMs: 1, percent: 6.7 },
    ]);
    expect(summary.areas.map((area) => area.area)).toEqual(['src/privacy', 'pg', '(garbage collector)']);
    expect(summariseCpuProfile(profile, root, 1).top).toHaveLength(1);
  });

  it('counts only the samples inside a window of the monotonic clock', () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('startUp') },
        { id: 2, callFrame: frame('handleRequest') },
      ],
      startTime: 100,
      samples: [1, 2, 2, 1],
      timeDeltas: [1_000, 1_000, 1_000, 1_000],
    };
    // Samples at 1,100, 2,100, 3,100 and 4,100 µs.
    const summary = summariseCpuProfile(profile, root, 10, { fromUs: 2_000, toUs: 3_500 });
    expect(summary.top).toEqual([{ function: 'handleRequest', selfMs: 2, percent: 100 }]);
  });
});
