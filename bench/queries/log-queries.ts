// Preloaded into the server (`node --import`) by queries-per-request.ts: appends one line per SQL
// statement sent through `pg` — the request it belongs to (or "background" for jobs) and its text —
// to QUERY_LOG_FILE. A debugging aid for counting round trips and commits, never used in a measured run.
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import http from 'node:http';
import pg from 'pg';

const file = process.env.QUERY_LOG_FILE;
if (!file) throw new Error('QUERY_LOG_FILE is not set');
const requestOf = new AsyncLocalStorage<string>();

const emit = http.Server.prototype.emit as (this: http.Server, event: string, ...args: unknown[]) => boolean;
http.Server.prototype.emit = function emitInRequest(this: http.Server, event: string, ...args: unknown[]) {
  if (event !== 'request') return emit.call(this, event, ...args);
  const request = args[0] as http.IncomingMessage;
  return requestOf.run(`${request.method ?? ''} ${request.url ?? ''}`, () => emit.call(this, event, ...args));
} as typeof http.Server.prototype.emit;

const clientIds = new WeakMap<pg.Client, number>();
let clients = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function loggedQuery(this: pg.Client, ...args: unknown[]) {
  const config = args[0] as string | { text?: string } | undefined;
  const text = typeof config === 'string' ? config : (config?.text ?? '');
  if (!clientIds.has(this)) clientIds.set(this, (clients += 1));
  const line = { request: requestOf.getStore() ?? 'background', client: clientIds.get(this), text: text.replace(/\s+/g, ' ').slice(0, 160) };
  fs.appendFileSync(file, `${JSON.stringify(line)}\n`);
  return (query as (...inner: unknown[]) => unknown).apply(this, args);
} as typeof query;
