CREATE TABLE "marketing_campaigns" (
	"id" text PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"text_zh" text NOT NULL,
	"text_en" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_by" text,
	"send_requested_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"task_id" text,
	"sent_count" integer DEFAULT 0 NOT NULL,
	"skipped_count" integer DEFAULT 0 NOT NULL,
	"failed_count" integer DEFAULT 0 NOT NULL,
	"error_code" text
);
--> statement-breakpoint
CREATE TABLE "marketing_deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"channel" text NOT NULL,
	"status" text DEFAULT 'sending' NOT NULL,
	"provider_message_id" text,
	"error_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "marketing_messages" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "unsubscribe_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"purpose" text NOT NULL,
	"delivery_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "unsubscribe_tokens_expiry_after_creation" CHECK ("unsubscribe_tokens"."expires_at" > "unsubscribe_tokens"."created_at")
);
--> statement-breakpoint
ALTER TABLE "disclosures" ADD COLUMN "consent_matter" text;--> statement-breakpoint
CREATE INDEX "marketing_campaigns_created_idx" ON "marketing_campaigns" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "marketing_deliveries_campaign_customer_key" ON "marketing_deliveries" USING btree ("campaign_id","customer_id");--> statement-breakpoint
CREATE INDEX "marketing_deliveries_customer_idx" ON "marketing_deliveries" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "marketing_messages_customer_created_idx" ON "marketing_messages" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "unsubscribe_tokens_customer_idx" ON "unsubscribe_tokens" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "consent_state_matter_subject_idx" ON "consent_state" USING btree ("matter","subject_id");