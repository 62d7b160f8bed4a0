CREATE TABLE "disclosures" (
	"id" text PRIMARY KEY NOT NULL,
	"recipient_id" text NOT NULL,
	"subject_key" text NOT NULL,
	"fields" text[] NOT NULL,
	"categories" text[] NOT NULL,
	"purpose" text NOT NULL,
	"basis" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"request_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recipients" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"integration" text,
	"type" text NOT NULL,
	"country" text DEFAULT 'CN' NOT NULL,
	"purposes" text[] NOT NULL,
	"categories" text[] NOT NULL,
	"agreement_reference" text,
	"agreement_signed_on" date,
	"agreement_expires_on" date,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "disclosures_subject_at_idx" ON "disclosures" USING btree ("subject_key","at");--> statement-breakpoint
CREATE UNIQUE INDEX "recipients_integration_key" ON "recipients" USING btree ("integration");