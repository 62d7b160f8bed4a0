import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiRequest } from './client';

vi.mock('../i18n', () => ({ currentLanguage: () => 'zh-CN' }));

const first = 'a'.repeat(43);
const second = 'b'.repeat(43);

/** A browser's cookie jar and a server that accepts only the token the cookie holds when it answers. */
function browserWith(cookie: string, onRequest: (jar: { cookie: string }) => void = () => undefined, refusesAll = false) {
  const jar = { cookie };
  const sent: Array<string | null> = [];
  vi.stubGlobal('document', jar);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_path: string, init: RequestInit) => {
      const header = new Headers(init.headers).get('X-CSRF-Token');
      sent.push(header);
      onRequest(jar);
      const ok = !refusesAll && header !== null && jar.cookie === `bt_csrf=${header}`;
      return ok
        ? new Response(JSON.stringify({ done: true }), { status: 200, headers: { 'Content-Type': 'application/json' } })
        : new Response(JSON.stringify({ type: 'about:blank', title: '请求校验失败', status: 403, code: 'csrf_failed' }), { status: 403, headers: { 'Content-Type': 'application/problem+json' } });
    }),
  );
  return sent;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('apiRequest and the CSRF token (R-SEC-1)', () => {
  it('sends a change with the token the cookie holds', async () => {
    const sent = browserWith(`bt_csrf=${first}`);
    await expect(apiRequest('/api/site/unsubscribe', { method: 'POST', body: { token: 't' } })).resolves.toEqual({ done: true });
    expect(sent).toEqual([first]);
  });

  it('sends a change once more when the cookie was replaced while it was on its way', async () => {
    let replaced = false;
    const sent = browserWith(`bt_csrf=${first}`, (jar) => {
      // Another answer of the first visit set a newer token just as this request left.
      if (!replaced) jar.cookie = `bt_csrf=${second}`;
      replaced = true;
    });
    await expect(apiRequest('/api/site/unsubscribe', { method: 'POST', body: { token: 't' } })).resolves.toEqual({ done: true });
    expect(sent).toEqual([first, second]);
  });

  it('takes a refusal with an unchanged token as final', async () => {
    const sent = browserWith(`bt_csrf=${first}`, () => undefined, true);
    await expect(apiRequest('/api/site/unsubscribe', { method: 'POST', body: { token: 't' } })).rejects.toMatchObject({ status: 403, code: 'csrf_failed' });
    expect(sent).toHaveLength(1);
  });
});
