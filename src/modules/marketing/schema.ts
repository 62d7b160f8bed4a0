import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { classify, notPersonal, pi } from '../../privacy/catalogue/classify.ts';
import { campaignChannels, campaignStatuses } from '../../shared/marketing.ts';

/**
 * A marketing message written by operations, in zh-CN and English, for one channel. Once sent it
 * never changes: in-app messages show its text. Holds no personal information; the counts are the
 * outcome of the send (people reached, people skipped because their consent was not in force).
 */
export const marketingCampaigns = pgTable(
  'marketing_campaigns',
  {
    id: text('id').primaryKey(),
    channel: text('channel', { enum: campaignChannels }).notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    textZh: text('text_zh').notNull(),
    textEn: text('text_en').notNull(),
    status: text('status', { enum: campaignStatuses }).notNull().default('draft'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentBy: text('sent_by'),
    sendRequestedAt: timestamp('send_requested_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    taskId: text('task_id'),
    sentCount: integer('sent_count').notNull().default(0),
    skippedCount: integer('skipped_count').notNull().default(0),
    failedCount: integer('failed_count').notNull().default(0),
    // Why a send stopped (`disclosure_refused`, `internal`): a machine code, never a person's data.
    errorCode: text('error_code'),
  },
  (table) => [index('marketing_campaigns_created_idx').on(table.createdAt)],
);

/**
 * One attempt to send a campaign to one person — only ever made while their consent for the channel
 * was in force (checked right before sending). Unique per campaign and person, so a retried job never
 * sends twice. Keeps no text and no address: which campaign, whom, when, how it went.
 */
export const marketingDeliveries = pgTable(
  'marketing_deliveries',
  {
    id: text('id').primaryKey(),
    campaignId: text('campaign_id').notNull(),
    customerId: text('customer_id').notNull(),
    channel: text('channel', { enum: campaignChannels }).notNull(),
    status: text('status', { enum: ['sending', 'sent', 'failed', 'no_address'] }).notNull().default('sending'),
    providerMessageId: text('provider_message_id'),
    errorCode: text('error_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [uniqueIndex('marketing_deliveries_campaign_customer_key').on(table.campaignId, table.customerId), index('marketing_deliveries_customer_idx').on(table.customerId)],
);

/**
 * The one-click unsubscribe links of SMS and e-mail messages (R-USE-2): the link carries 256 random
 * bits; only their SHA-256 is kept, so neither the link nor a database dump says whose it is. Using a
 * link withdraws that channel's consent, signed in or not, until it expires.
 */
export const unsubscribeTokens = pgTable(
  'unsubscribe_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    customerId: text('customer_id').notNull(),
    purpose: text('purpose').notNull(),
    deliveryId: text('delivery_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (table) => [index('unsubscribe_tokens_customer_idx').on(table.customerId), check('unsubscribe_tokens_expiry_after_creation', sql`${table.expiresAt} > ${table.createdAt}`)],
);

/**
 * In-app marketing messages, shown to the customer on the 站内消息 page. Kept apart from service
 * messages (R-USE-2): nothing here is needed to use the service, and none is made without consent.
 */
export const marketingMessages = pgTable(
  'marketing_messages',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull(),
    campaignId: text('campaign_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (table) => [index('marketing_messages_customer_created_idx').on(table.customerId, table.createdAt)],
);

const marketingRecord = { purposes: ['marketing'], basis: 'consent', retention: 'marketing_record_1_year' } as const;

classify(marketingCampaigns, {
  id: notPersonal('campaign identifier'),
  channel: notPersonal('channel'),
  titleZh: notPersonal('published marketing text'),
  titleEn: notPersonal('published marketing text'),
  textZh: notPersonal('published marketing text'),
  textEn: notPersonal('published marketing text'),
  status: notPersonal('state'),
  createdBy: notPersonal('staff member who wrote it'),
  createdAt: notPersonal('time of a system event'),
  sentBy: notPersonal('staff member who sent it'),
  sendRequestedAt: notPersonal('time of a system event'),
  finishedAt: notPersonal('time of a system event'),
  taskId: notPersonal('task identifier'),
  sentCount: notPersonal('count'),
  skippedCount: notPersonal('count'),
  failedCount: notPersonal('count'),
  errorCode: notPersonal('machine code'),
});

classify(marketingDeliveries, {
  id: notPersonal('delivery identifier'),
  campaignId: notPersonal('campaign identifier'),
  customerId: pi({ category: 'identity.internal_id', ...marketingRecord, storedAs: 'plain' }),
  channel: notPersonal('channel'),
  status: notPersonal('state'),
  providerMessageId: pi({ category: 'activity.access_record', ...marketingRecord, storedAs: 'plain' }),
  errorCode: notPersonal('machine code'),
  createdAt: pi({ category: 'activity.access_record', ...marketingRecord, storedAs: 'plain' }),
  sentAt: pi({ category: 'activity.access_record', ...marketingRecord, storedAs: 'plain' }),
});

classify(unsubscribeTokens, {
  tokenHash: pi({ category: 'credentials.secret', ...marketingRecord, storedAs: 'hash' }),
  customerId: pi({ category: 'identity.internal_id', ...marketingRecord, storedAs: 'plain' }),
  purpose: notPersonal('name of a consent purpose'),
  deliveryId: notPersonal('delivery identifier'),
  createdAt: notPersonal('time of a system event'),
  expiresAt: notPersonal('time of a system event'),
  lastUsedAt: pi({ category: 'activity.access_record', ...marketingRecord, storedAs: 'plain' }),
});

classify(marketingMessages, {
  id: notPersonal('message identifier'),
  customerId: pi({ category: 'identity.internal_id', ...marketingRecord, storedAs: 'plain' }),
  campaignId: notPersonal('campaign identifier'),
  createdAt: pi({ category: 'activity.access_record', ...marketingRecord, storedAs: 'plain' }),
  readAt: pi({ category: 'activity.access_record', ...marketingRecord, storedAs: 'plain' }),
});
