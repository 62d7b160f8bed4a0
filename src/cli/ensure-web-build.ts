import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InlineConfig } from 'vite';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// src/shared and src/privacy/consent/cookies hold code the web app imports too (password strength,
// the cookie catalogue and consent texts).
const sources = [
  path.join(projectRoot, 'web', 'src'),
  path.join(projectRoot, 'web', 'index.html'),
  path.join(projectRoot, 'vite.config.ts'),
  path.join(projectRoot, 'src', 'shared'),
  path.join(projectRoot, 'src', 'privacy', 'consent', 'cookies'),
];
const builtIndex = path.join(projectRoot, 'web', 'dist', 'index.html');

/**
 * Builds the web app when there is no build or the sources are newer than it, so that a fresh
 * clone's `npm start` serves the site without a separate build step. A deployment that installed
 * without dev dependencies ships a prebuilt web/dist and never builds here.
 */
export async function ensureWebBuild(report: (line: string) => void = console.log): Promise<'fresh' | 'built' | 'unavailable'> {
  if (isBuildFresh()) return 'fresh';
  let build: (config: InlineConfig) => Promise<unknown>;
  try {
    ({ build } = await import('vite'));
  } catch {
    report('No web build and no Vite to make one (installed without dev dependencies?): serving the API only.');
    return 'unavailable';
  }
  report('Building the web app (first start, or the web sources changed)…');
  const started = Date.now();
  // Built beside web/dist and swapped in with renames, so a server already serving web/dist never
  // sees a half-written build, and two processes building at once (parallel test runs) both finish.
  const staging = path.join(projectRoot, 'web', `dist.build-${process.pid}-${Date.now()}`);
  try {
    await build({ configFile: path.join(projectRoot, 'vite.config.ts'), root: path.join(projectRoot, 'web'), logLevel: 'warn', build: { outDir: staging, emptyOutDir: true } });
    swapIn(staging, path.dirname(builtIndex));
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  report(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return 'built';
}

function swapIn(staging: string, target: string): void {
  const retired = `${target}.old-${process.pid}-${Date.now()}`;
  if (fs.existsSync(target)) fs.renameSync(target, retired);
  fs.renameSync(staging, target);
  fs.rmSync(retired, { recursive: true, force: true });
}

export function isBuildFresh(): boolean {
  if (!fs.existsSync(builtIndex)) return false;
  const builtAt = fs.statSync(builtIndex).mtimeMs;
  return sources.every((source) => newestModification(source) <= builtAt);
}

function newestModification(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestModification(path.join(target, entry)));
  return newest;
}
