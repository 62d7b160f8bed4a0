import { startPaymentSandbox } from './start-payment-sandbox.ts';

/**
 * Runs the sandbox on its own: `SECRET=… node --import tsx simulators/payment-sandbox/main.ts`.
 * The secret has no default: a sandbox reachable with a known secret would accept anyone's requests.
 */
function readEnvironment(env: NodeJS.ProcessEnv): Parameters<typeof startPaymentSandbox>[0] {
  const problems: string[] = [];
  const number = (name: string, fallback: number, check: (value: number) => boolean): number => {
    const text = env[name];
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!check(value)) problems.push(`${name} is not valid: ${text}`);
    return value;
  };
  const secret = env.SECRET ?? '';
  if (secret.length < 16) problems.push('SECRET must be set, at least 16 characters (shared with the platform)');
  const delays = env.CALLBACK_RETRY_DELAYS_MS ? env.CALLBACK_RETRY_DELAYS_MS.split(',').map((part) => Number(part.trim())) : undefined;
  if (delays?.some((delay) => !Number.isInteger(delay) || delay < 0)) problems.push('CALLBACK_RETRY_DELAYS_MS must be whole milliseconds separated by commas');
  const options = {
    port: number('PORT', 4010, (value) => Number.isInteger(value) && value >= 0 && value <= 65535),
    host: env.HOST || '127.0.0.1',
    merchantId: env.MERCHANT_ID || 'besttrav',
    secret,
    latencyMs: number('LATENCY_MS', 0, (value) => Number.isFinite(value) && value >= 0),
    failureRate: number('FAILURE_RATE', 0, (value) => value >= 0 && value <= 1),
    callbackRetryDelaysMs: delays,
    refundSettleMs: number('REFUND_SETTLE_MS', 0, (value) => Number.isInteger(value) && value >= 0),
    publicUrl: env.PUBLIC_URL || undefined,
    log: (line: string) => console.log(`${new Date().toISOString()} ${line}`),
  };
  if (problems.length > 0) {
    console.error(`Payment sandbox not started:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  return options;
}

const sandbox = await startPaymentSandbox(readEnvironment(process.env));
console.log(`Besttrav payment sandbox at ${sandbox.url}  (state in memory; Ctrl-C stops it)`);
const stop = () => {
  sandbox.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
