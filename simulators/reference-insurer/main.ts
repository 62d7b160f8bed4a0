/**
 * The reference insurer as its own process: `node --import tsx simulators/reference-insurer/main.ts`.
 * Configured by environment variables (README.md); prints one line with its address and stops on
 * SIGINT or SIGTERM.
 */
import { declineOnHealthAnswers } from './issue-policy.ts';
import { startReferenceInsurer } from './start-reference-insurer.ts';

const env = process.env;
const problems: string[] = [];

function numberOf(name: string, fallback: number, isValid: (value: number) => boolean): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (Number.isFinite(value) && isValid(value)) return value;
  problems.push(`${name} is not valid`);
  return fallback;
}

const secret = env.REFERENCE_INSURER_SECRET ?? '';
if (secret.length < 32) problems.push('REFERENCE_INSURER_SECRET must be set, 32 characters or more');
const port = numberOf('REFERENCE_INSURER_PORT', 4010, (value) => Number.isInteger(value) && value >= 0 && value <= 65535);
const latencyMs = numberOf('REFERENCE_INSURER_LATENCY_MS', 200, (value) => value >= 0 && value <= 60_000);
const failureRate = numberOf('REFERENCE_INSURER_FAILURE_RATE', 0, (value) => value >= 0 && value <= 1);
const declinesOnHealth = (env.REFERENCE_INSURER_DECLINE_ON_HEALTH ?? 'true') !== 'false';

if (problems.length > 0) {
  console.error(`reference insurer: ${problems.join('; ')}`);
  process.exit(1);
}

const insurer = await startReferenceInsurer({
  port,
  host: env.REFERENCE_INSURER_HOST ?? '127.0.0.1',
  secret,
  latencyMs,
  failureRate,
  ...(declinesOnHealth ? { declineRule: declineOnHealthAnswers } : {}),
});
console.log(`reference insurer listening on ${insurer.url} (latency ${latencyMs} ms, failure rate ${failureRate})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`reference insurer stopping: ${JSON.stringify(insurer.stats())}`);
    void insurer.close().then(() => process.exit(0));
  });
}
