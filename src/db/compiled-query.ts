import { sql, type Placeholder } from 'drizzle-orm';
import type { PgPreparedQuery, PreparedQueryConfig } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './types.ts';

interface Preparable<Result> {
  prepare(name?: string): PgPreparedQuery<PreparedQueryConfig & { execute: Result }>;
}

/** What Drizzle keeps of a database or transaction at run time: its session and that session's client. */
interface SessionOf {
  _: { session: { constructor: unknown; client: object } };
}

/**
 * A query built once per process and run with new values on the database or inside any transaction:
 * `build` writes it with `sql.placeholder('name')` where the values go, and the returned function
 * fills them in. Drizzle builds a query's text anew on every call, walking its SQL tree and
 * type-testing every node; on the purchase path that was a quarter of the server's CPU (issue 7's
 * profiles), for texts that never change. Only for statements a request sends every time — the
 * session's look-up, each step of a sale — where that cost shows; everything else stays plain Drizzle.
 *
 * Drizzle's own `.prepare()` keeps the text but binds it to one connection, and a transaction runs
 * on another; so the prepared form is kept per driver (node-postgres or PGlite) and run on the client
 * of whichever database or transaction is given, as Drizzle's prepared query would run it there.
 * Nothing may be computed at build time: a column default made in JavaScript would be frozen into
 * the text (the schema has none; values come only through placeholders).
 */
export function compiledQuery<Result, Values extends Record<string, unknown>>(
  build: (db: DbOrTx) => Preparable<Result>,
): (db: DbOrTx, values: Values) => Promise<Result> {
  const byDriver = new Map<unknown, { prepared: object; byClient: WeakMap<object, PgPreparedQuery<PreparedQueryConfig & { execute: Result }>> }>();
  return (db, values) => {
    const { session } = (db as unknown as SessionOf)._;
    let driver = byDriver.get(session.constructor);
    if (!driver) {
      driver = { prepared: build(db).prepare(), byClient: new WeakMap() };
      byDriver.set(session.constructor, driver);
    }
    let bound = driver.byClient.get(session.client);
    if (!bound) {
      // The prepared query reads its connection from `this.client` and everything else from itself.
      bound = Object.create(driver.prepared, { client: { value: session.client } }) as PgPreparedQuery<PreparedQueryConfig & { execute: Result }>;
      driver.byClient.set(session.client, bound);
    }
    return bound.execute(values);
  };
}

/** A placeholder per name, each named after itself: the values of an insert built by `compiledQuery`. */
export function placeholders<Name extends string>(...names: Name[]): Record<Name, Placeholder<Name>> {
  return Object.fromEntries(names.map((name) => [name, sql.placeholder(name)])) as Record<Name, Placeholder<Name>>;
}
