import type { TestProject } from 'vitest/node';
import { ensureWebBuild } from '../../src/cli/ensure-web-build.ts';
import { chromiumInstallHint, findChromium } from '../support/chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string | null;
  }
}

/**
 * Browser tests need the built web app and a Chromium. Without Chromium they are skipped with a
 * line saying how to install it — except under CI=true, where a missing browser is a failure.
 */
export default async function setup(project: TestProject): Promise<void> {
  const chromiumPath = findChromium();
  if (!chromiumPath) {
    if (process.env.CI === 'true') throw new Error(`Browser tests need Chromium and CI=true forbids skipping them. ${chromiumInstallHint}`);
    console.warn(`\n⚠ Browser tests are SKIPPED: no Chromium found. ${chromiumInstallHint}\n`);
  }
  await ensureWebBuild((line) => console.log(`[e2e] ${line}`));
  project.provide('chromiumPath', chromiumPath);
}
