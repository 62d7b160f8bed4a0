CREATE TABLE "customer_ages" (
	"customer_id" text PRIMARY KEY NOT NULL,
	"age_group_enc" text NOT NULL,
	"source" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guardian_consents" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"guardian_phone_enc" text NOT NULL,
	"guardian_phone_bidx" text NOT NULL,
	"relationship_enc" text NOT NULL,
	"consent_record_id" text NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "guardian_consents_customer_idx" ON "guardian_consents" USING btree ("customer_id");