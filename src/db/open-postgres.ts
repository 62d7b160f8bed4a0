import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { AppError } from '../errors/app-error.ts';
import type { Logger } from '../logging/create-logger.ts';
import { scrubText } from '../privacy/redaction/scrub.ts';
import { prepareRepeatedStatements } from './prepared-statements.ts';
import * as schema from './schema.ts';
import type { Database, Db } from './types.ts';

export interface PostgresOptions {
  poolMax: number;
  /** Send parameterised statements as named prepared statements (prepared-statements.ts). */
  preparedStatements: boolean;
}

/** A PostgreSQL server through a connection pool; checked with one round trip before it is used. */
export async function openPostgres(url: string, options: PostgresOptions, logger?: Logger): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolMax, application_name: 'besttrav' });
  if (options.preparedStatements) prepareRepeatedStatements(pool);
  // An idle connection can die (server restart); without a listener that would crash the process.
  pool.on('error', (error) => logger?.warn({ err: error }, 'idle PostgreSQL connection failed'));
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new AppError('database_unreachable', 'Could not connect to PostgreSQL', {
      params: { reason: describeConnectionError(error) },
      cause: error,
    });
  }
  const db = drizzle({ client: pool, schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    async query<Row>(text: string, params: unknown[] = []) {
      const result = await pool.query(text, params);
      return result.rows as Row[];
    },
    async exec(text: string) {
      // Several statements come back as an array of results, one statement as a single result.
      const result = (await pool.query(text)) as pg.QueryResult | pg.QueryResult[];
      const last = Array.isArray(result) ? result.at(-1) : result;
      return (last?.rows ?? []) as Record<string, unknown>[];
    },
    async close() {
      await pool.end();
    },
  };
}

function describeConnectionError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ECONNREFUSED') return 'nothing answers at that host and port (is PostgreSQL running?)';
  if (code === 'ENOTFOUND') return 'the host name does not resolve';
  if (code === '28P01' || code === '28000') return 'the server refused the user name or password';
  if (code === '3D000') return 'the database does not exist (create it first)';
  return scrubText(error instanceof Error ? error.message : String(error));
}
