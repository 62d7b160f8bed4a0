import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { freePort } from '../test/support/server-process.ts';

export const projectRoot = path.resolve(import.meta.dirname, '..');

export interface BenchProcess {
  url: string;
  child: ChildProcess;
  pid: number;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A bench that dies (an exception, Ctrl-C) must not leave servers behind.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Only what a process needs from ours: no database or port of the bench's own environment leaks in. */
function baseEnv(): Record<string, string> {
  const kept = Object.entries(process.env).filter(([name]) => !/^(PORT|HOST|DATABASE_URL|DATA_DIR|PUBLIC_URL|PAYMENT_|INSURER_|REFERENCE_INSURER_|SECRET|LATENCY_MS|FAILURE_RATE)/.test(name));
  return Object.fromEntries(kept.filter((entry): entry is [string, string] => entry[1] !== undefined));
}

async function spawnReady(
  name: string,
  args: string[],
  env: Record<string, string>,
  isReady: (url: string, output: string) => Promise<boolean>,
  url: string,
  stdout: 'pipe' | 'ignore' = 'pipe',
): Promise<BenchProcess> {
  // Piped output is drained and dropped (a full pipe would stall the process); the last lines are kept to explain a failure.
  const child = spawn(process.execPath, args, { cwd: projectRoot, env: { ...baseEnv(), ...env }, stdio: ['ignore', stdout, 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => running.delete(child));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  for (let i = 0; i < 600; i += 1) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${output}`);
    if (await isReady(url, output)) return { url, child, pid: child.pid as number, stop };
    await sleep(200);
  }
  await stop();
  throw new Error(`${name} did not start within 120 s:\n${output}`);
}

const answers = (probe: string) => (url: string) => fetch(url + probe).then((response) => response.ok, () => false);

/** A baseline target (bench/targets/*.ts) answering on `/`. */
export async function startTarget(file: string, env: Record<string, string>): Promise<BenchProcess> {
  const port = await freePort();
  return spawnReady(file, ['--import', 'tsx', path.join(projectRoot, 'bench/targets', file)], { ...env, PORT: String(port) }, answers('/'), `http://127.0.0.1:${port}`);
}

export interface Simulators {
  env: Record<string, string>;
  processes: BenchProcess[];
}

/**
 * The payment sandbox and the reference insurer, each its own process, as a real PSP and insurer
 * are outside the platform: their CPU and memory are not the server's. The insurer answers at once
 * (REFERENCE_INSURER_LATENCY_MS=0), so the figures are the platform's own.
 */
export async function startSimulators(): Promise<Simulators> {
  const paymentSecret = randomBytes(24).toString('base64url');
  const insurerSecret = randomBytes(32).toString('base64url');
  const sandboxPort = await freePort();
  const sandbox = await spawnReady(
    'payment sandbox',
    ['--import', 'tsx', path.join(projectRoot, 'simulators/payment-sandbox/main.ts')],
    { SECRET: paymentSecret, PORT: String(sandboxPort), LATENCY_MS: '0', FAILURE_RATE: '0', CALLBACK_RETRY_DELAYS_MS: '1000,5000,15000' },
    answers('/healthz'),
    `http://127.0.0.1:${sandboxPort}`,
  );
  const insurerPort = await freePort();
  const insurer = await spawnReady(
    'reference insurer',
    ['--import', 'tsx', path.join(projectRoot, 'simulators/reference-insurer/main.ts')],
    { REFERENCE_INSURER_SECRET: insurerSecret, REFERENCE_INSURER_PORT: String(insurerPort), REFERENCE_INSURER_LATENCY_MS: '0', REFERENCE_INSURER_FAILURE_RATE: '0' },
    async (_url, output) => output.includes('listening on'),
    `http://127.0.0.1:${insurerPort}`,
  );
  return {
    env: {
      PAYMENT_PROVIDER: 'sandbox',
      PAYMENT_SANDBOX_URL: sandbox.url,
      PAYMENT_SANDBOX_SECRET: paymentSecret,
      INSURER_PROVIDER: 'http',
      INSURER_BASE_URL: insurer.url,
      INSURER_SECRET: insurerSecret,
    },
    processes: [sandbox, insurer],
  };
}

/**
 * The real server (`besttrav start`), logging at info to /dev/null (the cost of logging is measured,
 * its volume not kept). Behind a "proxy" (TRUST_PROXY), so virtual visitors can come
 * from their own addresses as real ones do; the coarse per-IP request limit is lifted for the load.
 */
export async function startApp(env: Record<string, string>, nodeArgs: string[] = []): Promise<BenchProcess> {
  const port = await freePort();
  return spawnReady(
    'besttrav',
    [...nodeArgs, path.join(projectRoot, 'bin/besttrav.mjs'), 'start', '--no-build'],
    { LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '1000000', JOBS_ENABLED: 'true', TRUST_PROXY: 'true', ...env, PORT: String(port) },
    answers('/readyz'),
    `http://127.0.0.1:${port}`,
    'ignore',
  );
}
