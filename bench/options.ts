export const SCENARIOS = ['healthz', 'operator', 'not-found', 'quote', 'purchase', 'my-policies', 'verify'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export interface BenchOptions {
  scenarios: ScenarioName[];
  onPglite: boolean;
  /** Seconds measured per scenario, after the warm-up. */
  duration: number;
  warmup: number;
  /** Connections of the single-request scenarios (autocannon). */
  connections: number;
  /** Virtual buyers going through the purchase in parallel. */
  buyers: number;
  cpuProfile: boolean;
  /** Size of the seeded data that my-policies and verify read among. */
  customers: number;
  policies: number;
  reseed: boolean;
}

const numeric = { duration: 10, warmup: 2, connections: 20, buyers: 128, customers: 10_000, policies: 50_000 } as const;
type NumericOption = keyof typeof numeric;
const flags = { pglite: 'onPglite', 'cpu-prof': 'cpuProfile', reseed: 'reseed' } as const;

/**
 * `npm run bench [-- scenario… ] [--pglite] [--duration S] [--warmup S] [--connections N] [--buyers N]
 * [--customers N] [--policies N] [--reseed] [--cpu-prof]`. No scenario named: all of them. The
 * baselines always run, since every figure is read against them.
 */
export function parseBenchArgs(args: readonly string[]): BenchOptions {
  const options: BenchOptions = { scenarios: [], onPglite: false, cpuProfile: false, reseed: false, ...numeric };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (!arg.startsWith('--')) {
      if (!(SCENARIOS as readonly string[]).includes(arg)) throw new Error(`Unknown scenario "${arg}": expected one of ${SCENARIOS.join(', ')}`);
      options.scenarios.push(arg as ScenarioName);
      continue;
    }
    const name = arg.slice(2);
    if (name in flags) {
      options[flags[name as keyof typeof flags]] = true;
      continue;
    }
    if (!(name in numeric)) throw new Error(`Unknown option ${arg}`);
    const value = Number(args[i + 1]);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${arg} needs a number, got "${args[i + 1] ?? ''}"`);
    options[name as NumericOption] = value;
    i += 1;
  }
  if (options.scenarios.length === 0) options.scenarios = [...SCENARIOS];
  return options;
}
