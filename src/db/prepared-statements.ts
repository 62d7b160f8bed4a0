import { createHash } from 'node:crypto';
import type pg from 'pg';

/**
 * Most statements one connection keeps prepared. The application sends a few hundred distinct
 * statement texts at most; texts that vary without end (an `in (...)` list of every length) stop
 * being prepared once a connection holds this many, and run unnamed as before.
 */
const MAX_PER_CONNECTION = 1000;

type QueryConfig = pg.QueryConfig & { name?: string };
type ClientQuery = (config: unknown, values?: unknown, callback?: unknown) => unknown;

/**
 * Makes every connection of the pool send each parameterised statement as a named prepared
 * statement: PostgreSQL parses and plans it once per connection instead of on every execution
 * (postgres.js and pgx do the same by default). The name is a hash of the text, so the same text
 * always gets the same name and a different text never reuses one.
 *
 * Only statements with parameters are named: they already travel by the extended protocol, so the
 * result is the same; a statement without parameters may hold several commands (migrations,
 * pg-boss's maintenance), which a prepared statement cannot. Prepared statements live on the
 * connection, not the transaction, so a rollback does not undo them — pg records a name only once
 * PostgreSQL accepted its Parse.
 */
export function prepareRepeatedStatements(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const named = new Set<string>();
    const query = client.query.bind(client) as ClientQuery;
    (client as unknown as { query: ClientQuery }).query = (config, values, callback) => {
      const text = typeof config === 'string' ? config : isPlainQuery(config) ? config.text : undefined;
      if (text === undefined || !Array.isArray(values) || values.length === 0) return query(config, values, callback);
      const name = statementName(text);
      if (!named.has(name)) {
        if (named.size >= MAX_PER_CONNECTION) return query(config, values, callback);
        named.add(name);
      }
      // A copy: Drizzle reuses its query config object across executions.
      const withName: QueryConfig = typeof config === 'string' ? { text, name } : { ...(config as QueryConfig), name };
      return query(withName, values, callback);
    };
  });
}

/** A query config of text (not a cursor or stream, and not already named by its caller). */
function isPlainQuery(config: unknown): config is QueryConfig {
  if (typeof config !== 'object' || config === null) return false;
  const candidate = config as Partial<QueryConfig> & { submit?: unknown };
  return typeof candidate.text === 'string' && candidate.name === undefined && candidate.submit === undefined;
}

const names = new Map<string, string>();

/** `bt_` and 24 characters of the text's SHA-256: PostgreSQL names hold at most 63 bytes. */
function statementName(text: string): string {
  let name = names.get(text);
  if (name) return name;
  name = `bt_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`;
  // The texts are the application's own statements (values travel apart), so this map stays small;
  // it is still bounded, for texts that vary without end.
  if (names.size < 10 * MAX_PER_CONNECTION) names.set(text, name);
  return name;
}
