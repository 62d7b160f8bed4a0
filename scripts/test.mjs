#!/usr/bin/env node
// `npm test`: typecheck, lint, then every Vitest project (unit, DB on PGlite — and on PostgreSQL when
// TEST_DATABASE_URL is set — and browser tests). Stops at the first step that fails.
import { spawnSync } from 'node:child_process';

const steps = [
  ['typecheck', ['npx', 'tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['lint', ['npx', 'eslint', '--max-warnings', '0', '.']],
  ['tests', ['npx', 'vitest', 'run', ...process.argv.slice(2)]],
];

if (!process.env.TEST_DATABASE_URL) {
  console.log('TEST_DATABASE_URL is not set: DB tests run on PGlite only (set it to a PostgreSQL URL to run them there too).');
}
for (const [name, [command, ...args]] of steps) {
  console.log(`\n▶ ${name}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✗ ${name} failed after ${seconds} s.`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${name} passed in ${seconds} s.`);
}
