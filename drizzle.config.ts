import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a new forward-only migration from the difference between the schema
// files and the last snapshot. Commit the generated SQL with the schema change.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './src/db/migrations',
  casing: 'snake_case',
});
