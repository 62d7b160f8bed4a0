import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

// Flags for a sandboxed, offline machine: no GPU, no background calls home that would only fail.
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

export function launchBrowser(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: chromiumArgs });
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and warnings and uncaught page errors seen so far. */
  problems: string[];
  /** Saves a full-page screenshot under test-results/ and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function openPage(browser: Browser, options: { width?: number; height?: number; locale?: string } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    locale: options.locale ?? 'zh-CN',
    // The app then turns antd's animations off: a click never lands on a window still opening, which
    // on a loaded machine made tests miss a modal's button or a menu's entry.
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return {
    page,
    context,
    problems,
    async screenshot(name: string) {
      const dir = path.resolve(import.meta.dirname, '..', '..', 'test-results');
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${name.replace(/[^\w.-]+/g, '-').slice(0, 120)}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    close: () => context.close(),
  };
}
