import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, signResponse, verifyRequest } from '../../src/integrations/insurer/insurer-signature.ts';
import { todayInBeijing } from '../../src/shared/identity-documents.ts';
import type { DeclineRule } from './issue-policy.ts';
import { PolicyBook, refusal, type Answer, type ReferenceInsurerStats } from './policy-book.ts';
import { routeOf, type Route } from './routes.ts';

export interface ReferenceInsurerOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** Shared HMAC secret; requests signed with anything else are refused. */
  secret: string;
  /** Mean delay before each answer; actual delays vary between half and one and a half times it. */
  latencyMs?: number;
  /**
   * Share of requests answered 503 on purpose (0..1). Half of them fail before anything is done,
   * half after the work is done but before the answer: the second kind is what proves that the
   * caller's retries with the same idempotency key never issue twice.
   */
  failureRate?: number;
  declineRule?: DeclineRule;
  now?: () => Date;
  random?: () => number;
}

export interface ReferenceInsurer {
  url: string;
  close(): Promise<void>;
  stats(): ReferenceInsurerStats;
}

const MAX_BODY_BYTES = 256 * 1024;

/** The reference insurer: a separate HTTP service speaking the partner API the platform's HttpInsurerAdapter expects. */
export async function startReferenceInsurer(options: ReferenceInsurerOptions): Promise<ReferenceInsurer> {
  const book = new PolicyBook();
  const settings = { ...options, now: options.now ?? (() => new Date()), random: options.random ?? Math.random };
  const server = createServer((request, response) => {
    handle(book, settings, request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'application/json' });
      response.end('{"error":"internal"}');
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    stats: () => book.stats(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections of the platform's fetch would hold close() open for seconds.
        server.closeAllConnections();
      }),
  };
}

type Settings = ReferenceInsurerOptions & { now: () => Date; random: () => number };

interface Exchange {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
}

async function handle(book: PolicyBook, settings: Settings, request: IncomingMessage, response: ServerResponse): Promise<void> {
  book.counts.requests += 1;
  const exchange: Exchange = { method: request.method ?? 'GET', path: request.url ?? '/', idempotencyKey: headerOf(request, IDEMPOTENCY_HEADER) };
  const send = (answer: Answer): void => {
    book.counts.answered += 1;
    sendSigned(settings, response, exchange, answer);
  };
  const fail = (isAfterWork: boolean): void => {
    book.counts.failed += 1;
    if (isAfterWork) book.counts.failedAfterWork += 1;
    sendSigned(settings, response, exchange, refusal(503, 'unavailable', 'simulated_failure'));
  };
  if (exchange.method === 'GET' && exchange.path === '/healthz') return send({ status: 200, body: { status: 'ok' } });

  const body = await readBody(request);
  if (body === null) return send(refusal(413, 'payload_too_large', 'body_too_large'));
  const check = verifyRequest(settings.secret, { ...exchange, body }, { signature: headerOf(request, SIGNATURE_HEADER), timestamp: headerOf(request, TIMESTAMP_HEADER) }, Math.floor(settings.now().getTime() / 1000));
  if (!check.isValid) return send(refusal(401, 'unauthorized', `signature_${check.problem}`));

  const route = routeOf(exchange.method, exchange.path);
  if (!route) return send(refusal(404, 'not_found', 'no_such_endpoint'));
  if (route.isChange && !exchange.idempotencyKey) return send(refusal(400, 'bad_request', 'idempotency_key_required'));
  const parsed = parseJson(body);
  if (parsed === INVALID) return send(refusal(400, 'bad_request', 'malformed_json'));

  const roll = settings.random();
  const failureRate = settings.failureRate ?? 0;
  const failsBefore = roll < failureRate / 2;
  const failsAfter = !failsBefore && roll < failureRate;
  if (failsBefore) {
    await pause(settings);
    return fail(false);
  }

  const answer = perform(book, settings, route, exchange, body, parsed);
  await pause(settings);
  if (failsAfter) return fail(true);
  send(answer);
}

/** Runs the endpoint, or for a change answers with what its idempotency key was first answered. */
function perform(book: PolicyBook, settings: Settings, route: Route, exchange: Exchange, body: Buffer, parsed: unknown): Answer {
  const now = settings.now();
  const clock = { now, today: todayInBeijing(now) };
  if (!route.isChange) return route.run(book, parsed, clock, settings.declineRule);
  const key = exchange.idempotencyKey as string;
  const fingerprint = createHash('sha256').update(`${exchange.method}\n${exchange.path}\n`).update(body).digest('hex');
  const replayed = book.replay(key, fingerprint);
  if (replayed === 'reused') return refusal(422, 'invalid_request', 'idempotency_key_reused');
  if (replayed) {
    book.counts.duplicated += 1;
    return replayed;
  }
  const answer = route.run(book, parsed, clock, settings.declineRule);
  book.remember(key, fingerprint, answer);
  return answer;
}

function sendSigned(settings: Settings, response: ServerResponse, exchange: Exchange, answer: Answer): void {
  const text = JSON.stringify(answer.body);
  const timestamp = Math.floor(settings.now().getTime() / 1000);
  response.writeHead(answer.status, {
    'Content-Type': 'application/json; charset=utf-8',
    [TIMESTAMP_HEADER]: String(timestamp),
    [SIGNATURE_HEADER]: signResponse(settings.secret, { request: exchange, status: answer.status, timestamp, body: text }),
  });
  response.end(text);
}

async function pause(settings: Settings): Promise<void> {
  const latency = settings.latencyMs ?? 0;
  if (latency > 0) await sleep(latency * (0.5 + settings.random()));
}

/** The raw bytes (the signature covers them exactly), or null past the size limit. */
async function readBody(request: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const INVALID = Symbol('invalid');

function parseJson(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return INVALID;
  }
}

function headerOf(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}
