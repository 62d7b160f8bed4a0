import type { Page } from 'playwright-core';

/** A GET from the page itself (with its cookies), answered as JSON. */
export function fetchJson<T>(page: Page, url: string): Promise<T> {
  return page.evaluate((url) => fetch(url).then((response) => response.json()), url) as Promise<T>;
}

/** A GET from the page itself; its status only. */
export function statusOf(page: Page, url: string): Promise<number> {
  return page.evaluate((url) => fetch(url).then((response) => response.status), url);
}

/** A state-changing API call from the page, with the CSRF token as the app sends it. */
export function send(page: Page, method: string, url: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const response = await fetch(url, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), 'x-csrf-token': /(?:^|; )bt_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, json: (await response.json().catch(() => ({}))) as Record<string, unknown> };
    },
    { method, url, body },
  );
}
