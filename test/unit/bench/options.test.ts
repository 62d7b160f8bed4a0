import { describe, expect, it } from 'vitest';
import { parseBenchArgs, SCENARIOS } from '../../../bench/options.ts';

describe('bench options', () => {
  it('runs every scenario with the defaults when nothing is named', () => {
    expect(parseBenchArgs([])).toMatchObject({ scenarios: [...SCENARIOS], onPglite: false, duration: 10, connections: 20, buyers: 128, customers: 10_000, policies: 50_000, cpuProfile: false });
  });

  it('takes scenarios, flags and numbers in any order', () => {
    expect(parseBenchArgs(['purchase', '--pglite', '--duration', '5', 'quote', '--cpu-prof', '--buyers', '16'])).toMatchObject({
      scenarios: ['purchase', 'quote'],
      onPglite: true,
      cpuProfile: true,
      duration: 5,
      buyers: 16,
    });
  });

  it('refuses what it does not know rather than running something else', () => {
    expect(() => parseBenchArgs(['purchases'])).toThrow(/Unknown scenario "purchases"/);
    expect(() => parseBenchArgs(['--seconds', '3'])).toThrow(/Unknown option --seconds/);
    expect(() => parseBenchArgs(['--duration'])).toThrow(/--duration needs a number/);
    expect(() => parseBenchArgs(['--duration', 'ten'])).toThrow(/needs a number/);
  });
});
