import http from 'node:http';
import { LatencyRecorder } from '../stats/latency.ts';

/**
 * Latencies of every request of a run, per step name and all together, and the unexpected answers.
 * Latencies count only while `measuring` (not in the warm-up); failures count always.
 */
export class RequestLog {
  /** The latency of every request but those of `waitingSteps`. */
  readonly all = new LatencyRecorder();
  readonly steps = new Map<string, LatencyRecorder>();
  /** Every request, waiting ones included. */
  requests = 0;
  measuring = false;
  errors = 0;
  readonly errorSamples: string[] = [];

  /**
   * `waitingSteps`: steps whose answer is held on purpose until something changes (the order page
   * waiting for its policy); timed under their own name, left out of the per-request percentiles.
   */
  constructor(private readonly waitingSteps: ReadonlySet<string> = new Set()) {}

  record(step: string, ms: number): void {
    if (!this.measuring) return;
    this.requests += 1;
    if (!this.waitingSteps.has(step)) this.all.record(ms);
    let recorder = this.steps.get(step);
    if (!recorder) {
      recorder = new LatencyRecorder();
      this.steps.set(step, recorder);
    }
    recorder.record(ms);
  }

  fail(description: string): void {
    this.errors += 1;
    // A few are enough to say what went wrong; the count says how often.
    if (this.errorSamples.length < 5) this.errorSamples.push(description);
  }
}

export interface BenchResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  json<T = Record<string, unknown>>(): T;
}

// One pool of kept-alive sockets for every virtual client, like browsers behind one proxy: the
// server sees reused connections, and the bench process spends no CPU on handshakes.
const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });

export class UnexpectedStatus extends Error {}

/**
 * A browser-like client for one virtual person: keeps the cookies the server sets, sends the CSRF
 * header from the bt_csrf cookie on every change, like the web app, and times every request into
 * the run's log under the step's name. An answer other than the expected status throws.
 */
export class BenchClient {
  private readonly cookies = new Map<string, string>();

  /** `forwardedFor`: the visitor's own address, as the proxy in front of the server would pass it. */
  constructor(
    private readonly baseUrl: string,
    private readonly log: RequestLog,
    private readonly forwardedFor?: string,
  ) {}

  get(step: string, url: string, expected = 200): Promise<BenchResponse> {
    return this.send(step, 'GET', url, undefined, expected);
  }

  post(step: string, url: string, body: unknown = {}, expected = 200): Promise<BenchResponse> {
    return this.send(step, 'POST', url, body, expected);
  }

  /** A cookie the server set, e.g. to reuse a signed-in session in another run. */
  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  async send(step: string, method: string, url: string, body: unknown, expected: number): Promise<BenchResponse> {
    const target = new URL(url, this.baseUrl);
    const isOwnSite = target.origin === new URL(this.baseUrl).origin;
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const headers: Record<string, string> = { 'accept-language': 'zh-CN' };
    if (this.forwardedFor) headers['x-forwarded-for'] = this.forwardedFor;
    if (payload !== undefined) {
      headers['content-type'] = typeof body === 'string' ? 'application/x-www-form-urlencoded' : 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    if (isOwnSite && this.cookies.size > 0) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const csrf = this.cookies.get('bt_csrf');
    if (isOwnSite && method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;

    const started = performance.now();
    const response = await roundTripNaming(step, target, method, headers, payload);
    this.log.record(step, performance.now() - started);
    if (isOwnSite) this.keepCookies(response.headers['set-cookie']);
    if (response.status !== expected) {
      this.log.fail(`${step}: ${method} ${target.pathname.replace(/[^/]{20,}/g, ':id')} answered ${response.status} ${response.body.slice(0, 200)}`);
      throw new UnexpectedStatus(`${step} answered ${response.status}`);
    }
    return response;
  }

  private keepCookies(setCookie: string[] | undefined): void {
    for (const line of setCookie ?? []) {
      const [pair = '', ...attributes] = line.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const isDeletion = value === '' || attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
      if (isDeletion) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/**
 * A GET on a kept-alive connection that the other end closed just then (ECONNRESET before any
 * answer) is sent once more, as browsers do for requests that change nothing; anything else
 * fails with the step named, so a run's error samples say where.
 */
async function roundTripNaming(step: string, target: URL, method: string, headers: Record<string, string>, payload: string | undefined): Promise<BenchResponse> {
  try {
    return await roundTrip(target, method, headers, payload);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (method === 'GET' && code === 'ECONNRESET') return roundTrip(target, method, headers, payload);
    throw new Error(`${step}: ${method} ${target.pathname.replace(/[^/]{20,}/g, ':id')} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

function roundTrip(target: URL, method: string, headers: Record<string, string>, payload: string | undefined): Promise<BenchResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(target, { method, headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text, json: <T>() => JSON.parse(text) as T });
      });
    });
    request.on('error', reject);
    request.end(payload);
  });
}
