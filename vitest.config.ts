import { defineConfig } from 'vitest/config';

// Projects: fast unit tests; DB tests on PGlite always and on PostgreSQL when TEST_DATABASE_URL is
// set (each test file gets its own fresh database); browser tests against the real server.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const dbTests = ['src/**/*.db.test.ts', 'test/db/**/*.db.test.ts'];

export default defineConfig({
  test: {
    reporters: ['default', './test/support/requirements-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'web/src/**/*.test.ts', 'test/unit/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: { name: 'db-pglite', include: dbTests, env: { TEST_BACKEND: 'pglite' }, testTimeout: 30_000, hookTimeout: 60_000 },
      },
      ...(onPostgres
        ? [{ test: { name: 'db-postgres', include: dbTests, env: { TEST_BACKEND: 'postgres' }, testTimeout: 30_000, hookTimeout: 60_000 } }]
        : []),
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          // A browser on a busy 2-core machine can take seconds to render an answer: polls wait up to 15 s.
          expect: { poll: { timeout: 15_000, interval: 100 } },
          // Browsers and servers are heavy on a 2-core machine: one file at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
