import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

/**
 * A browser-like client over app.inject(): keeps cookies between requests (respecting Path and
 * deletions) and sends the CSRF header the way the web app does, from the bt_csrf cookie.
 */
export class TestClient {
  readonly cookies = new Map<string, { value: string; path: string }>();
  private language = 'zh-CN';

  constructor(private readonly app: FastifyInstance, private readonly ip = '127.0.0.1') {}

  speaks(language: 'zh-CN' | 'en'): this {
    this.language = language;
    return this;
  }

  async request(options: { method?: InjectOptions['method']; url: string; payload?: unknown; headers?: Record<string, string>; withCsrf?: boolean }): Promise<LightMyRequestResponse> {
    const method = options.method ?? 'GET';
    const path = options.url.split('?')[0] ?? '/';
    const cookieHeader = [...this.cookies].filter(([, cookie]) => path.startsWith(cookie.path)).map(([name, cookie]) => `${name}=${cookie.value}`).join('; ');
    const csrf = this.cookies.get('bt_csrf')?.value;
    const headers: Record<string, string> = { 'accept-language': this.language, ...(cookieHeader ? { cookie: cookieHeader } : {}) };
    if (method !== 'GET' && options.withCsrf !== false && csrf) headers['x-csrf-token'] = csrf;
    const response = await this.app.inject({
      method,
      url: options.url,
      remoteAddress: this.ip,
      headers: { ...headers, ...options.headers },
      ...(options.payload === undefined ? {} : { payload: options.payload as InjectOptions['payload'] }),
    });
    for (const cookie of response.cookies as Array<{ name: string; value: string; path?: string; maxAge?: number; expires?: Date }>) {
      const isDeleted = cookie.value === '' || cookie.maxAge === 0 || (cookie.expires !== undefined && cookie.expires.getTime() < Date.now());
      if (isDeleted) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, { value: cookie.value, path: cookie.path ?? '/' });
    }
    return response;
  }

  get(url: string) {
    return this.request({ url });
  }

  post(url: string, payload?: unknown, extra: { headers?: Record<string, string>; withCsrf?: boolean } = {}) {
    return this.request({ method: 'POST', url, payload: payload ?? {}, ...extra });
  }

  put(url: string, payload?: unknown) {
    return this.request({ method: 'PUT', url, payload: payload ?? {} });
  }

  /** Fetches the session endpoint once, which issues the CSRF cookie. */
  async start(): Promise<this> {
    await this.get('/api/site/session');
    return this;
  }
}
