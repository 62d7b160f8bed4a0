import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const projectRoot = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(projectRoot, 'bin', 'besttrav.mjs');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface ServerProcess {
  url: string;
  dataDir: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM, then wait for the exit code. */
  stop(): Promise<number | null>;
}

/** Runs a CLI command to completion and returns its exit code and everything it printed. */
export async function runCli(args: string[], env: Record<string, string> = {}, timeoutMs = 60_000): Promise<{ code: number | null; output: string }> {
  const child = spawnCli(args, env);
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const code = await exitOf(child, timeoutMs);
  return { code, output };
}

/**
 * The real server as a separate process (`besttrav start`), on a free port and, unless given one, a
 * fresh PGlite directory. Resolves once /readyz answers 200.
 */
export async function startServerProcess(env: Record<string, string> = {}, timeoutMs = 60_000): Promise<ServerProcess> {
  const port = await freePort();
  const dataDir = env.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bt-e2e-'));
  const child = spawnCli(['start', '--no-build'], { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  // No time limit on the server's life: the test file decides when to stop it (stop() or the exit hook).
  const exited = exitOf(child, Number.POSITIVE_INFINITY);
  const deadline = Date.now() + timeoutMs;
  while (!(await isReady(url))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become ready (exit ${child.exitCode}):\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  // A test run that dies must not leave servers behind.
  process.once('exit', () => child.kill('SIGKILL'));
  return {
    url,
    dataDir,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

function spawnCli(args: string[], env: Record<string, string>): ChildProcess {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(PORT|HOST|DATABASE_URL|DATA_DIR|PUBLIC_URL|OPERATOR_|PI_CONTACT_|TEST_BACKEND)/.test(name)),
  );
  return spawn(process.execPath, [cli, ...args], { cwd: projectRoot, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

async function isReady(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/readyz`)).status === 200;
  } catch {
    return false;
  }
}

function exitOf(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  return new Promise((resolve) => {
    const timer = Number.isFinite(timeoutMs) ? setTimeout(() => child.kill('SIGKILL'), timeoutMs) : undefined;
    child.once('exit', (code) => {
      if (timer) clearTimeout(timer);
      resolve(code);
    });
  });
}
