// Every table of every domain, gathered for Drizzle (queries with relations) and drizzle-kit
// (migration generation). A domain adds its schema file here when it adds tables.
export * from '../jobs/tasks/schema.ts';
export * from '../modules/accounts/schema.ts';
export * from '../modules/accounts/profile/schema.ts';
export * from '../modules/marketing/schema.ts';
export * from '../modules/staff/schema.ts';
export * from '../privacy/audit/schema.ts';
export * from '../privacy/disclosures/schema.ts';
export * from '../privacy/consent/schema.ts';
export * from '../privacy/notices/schema.ts';
export * from '../privacy/retention/schema.ts';
export * from '../modules/minors/schema.ts';
export * from '../modules/catalogue/schema.ts';
export * from '../modules/orders/schema.ts';
export * from '../modules/payments/schema.ts';
export * from '../modules/policies/schema.ts';
export * from '../modules/date-changes/schema.ts';
