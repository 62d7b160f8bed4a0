import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { launchBrowser, openPage, type WatchedPage } from './browser.ts';
import { runCli, startServerProcess, type ServerProcess } from './server-process.ts';
import { signInStaff, type StaffLogin } from './staff-browser-sign-in.ts';

/** Size and language of a new page's browser context. */
export type PageOptions = Parameters<typeof openPage>[1];

/** A staff account a browser test creates with `besttrav staff:create`; `password` is filled in then. */
export interface StaffAccount extends StaffLogin {
  name: string;
  role: string;
}

/** Creates the account in the installation at `dataDir` and fills in the initial password the CLI shows once. */
export async function createStaffLogin<T extends StaffAccount>(dataDir: string, account: T): Promise<T> {
  const created = await runCli(['staff:create', '--username', account.username, '--name', account.name, '--role', account.role], { DATA_DIR: dataDir }, 180_000);
  expect(created.code, created.output).toBe(0);
  account.password = /Initial password \(shown once\): (\S+)/.exec(created.output)?.[1] ?? '';
  expect(account.password).not.toBe('');
  return account;
}

export interface BrowserSuiteOptions {
  /** The server's environment; a function is called just before the server starts. */
  env?: Record<string, string> | (() => Record<string, string>);
  /** Text messages go to a file (SMS_PROVIDER=outbox) that the tests read back through `outbox`. */
  smsOutbox?: boolean;
  /** Staff accounts created before the server starts; their passwords are filled in. */
  staff?: StaffAccount[];
  /** Runs on the new installation's data directory, after the staff are created, before the server opens it. */
  prepare?: (dataDir: string) => Promise<void>;
  /** How long the server may take to become ready (each start). */
  startTimeoutMs?: number;
}

export interface BrowserSuite {
  readonly server: ServerProcess;
  readonly browser: Browser;
  /** The SMS outbox file (with `smsOutbox: true`). */
  readonly outbox: string;
  /** The pages this test has opened so far (all are closed after each test). */
  readonly opened: readonly WatchedPage[];
  /** A new browser context with one page, closed after the test (and photographed first if the test failed). */
  newPage(options?: PageOptions): Promise<WatchedPage>;
  /** `newPage`, gone to `pathname` on the server. */
  open(pathname: string, options?: PageOptions): Promise<WatchedPage>;
  /**
   * A console page as this staff member: with the session of an earlier sign-in, or signing in now
   * (every sign-in needs a TOTP step of its own, so the session cookies are kept on the login and
   * reused). Resolves once the element with test id `ready` is there.
   */
  openAsStaff(login: StaffLogin, pathname: string, options?: PageOptions & { ready?: string }): Promise<WatchedPage>;
  /** Starts the server again on the same data and environment, after a test stopped it. */
  startServerAgain(): Promise<void>;
}

/**
 * The life of a browser test file: a real server process (on a fresh installation with the given staff
 * when there are any), one Chromium, pages closed after every test and photographed when it failed,
 * and at the end the browser closed and the server stopped cleanly (exit code 0). Call it at the top
 * of the file; the hooks do nothing when there is no Chromium (the file's describe is skipped then).
 */
export function useBrowserSuite(options: BrowserSuiteOptions = {}): BrowserSuite {
  const outbox = options.smsOutbox ? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bt-sms-')), 'sms-outbox.jsonl') : '';
  let env: Record<string, string> = {};
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let opened: WatchedPage[] = [];

  const start = async (dataDir?: string) => {
    server = await startServerProcess(dataDir ? { ...env, DATA_DIR: dataDir } : env, options.startTimeoutMs);
  };
  const suite: BrowserSuite = {
    get server() {
      if (!server) throw new Error('the server is started in beforeAll');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser is launched in beforeAll');
      return browser;
    },
    outbox,
    get opened() {
      return opened;
    },
    async newPage(pageOptions) {
      const watched = await openPage(suite.browser, pageOptions);
      opened.push(watched);
      return watched;
    },
    async open(pathname, pageOptions) {
      const watched = await suite.newPage(pageOptions);
      await watched.page.goto(`${suite.server.url}${pathname}`, { waitUntil: 'networkidle' });
      return watched;
    },
    async openAsStaff(login, pathname, { ready = 'console-sider', ...pageOptions } = {}) {
      const watched = await suite.newPage(pageOptions);
      const { page, context } = watched;
      if (login.cookies) await context.addCookies(login.cookies);
      await page.goto(`${suite.server.url}${pathname}`, { waitUntil: 'networkidle' });
      await page.locator(`[data-testid="${ready}"], [data-testid="staff-username"]`).first().waitFor();
      if ((await page.getByTestId('staff-username').count()) > 0) {
        await signInStaff(page, login);
        login.cookies = await context.cookies();
      }
      await page.getByTestId(ready).waitFor();
      return watched;
    },
    startServerAgain: () => start(suite.server.dataDir),
  };

  beforeAll(async () => {
    const chromiumPath = inject('chromiumPath');
    if (!chromiumPath) return;
    env = { ...(typeof options.env === 'function' ? options.env() : options.env), ...(outbox ? { SMS_PROVIDER: 'outbox', SMS_OUTBOX_FILE: outbox } : {}) };
    let dataDir: string | undefined;
    if (options.staff?.length || options.prepare) {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-e2e-'));
      for (const account of options.staff ?? []) await createStaffLogin(dataDir, account);
      await options.prepare?.(dataDir);
    }
    await start(dataDir);
    browser = await launchBrowser(chromiumPath);
  });
  afterAll(async () => {
    await browser?.close();
    // The server's warnings and errors say why, when it did not stop cleanly.
    if (server) expect(await server.stop(), server.output()).toBe(0);
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') {
      for (const [index, watched] of opened.entries()) console.log(`screenshot of the failure: ${await watched.screenshot(`${task.name}-${index}`)}`, watched.problems);
    }
    for (const watched of opened) await watched.close();
    opened = [];
  });
  return suite;
}
