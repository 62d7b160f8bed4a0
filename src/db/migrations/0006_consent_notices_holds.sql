CREATE TABLE "consent_records" (
	"id" text PRIMARY KEY NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"matter" text NOT NULL,
	"version" integer,
	"text_hash" text NOT NULL,
	"action" text NOT NULL,
	"channel" text NOT NULL,
	"acted_by" text,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "consent_state" (
	"subject_id" text NOT NULL,
	"matter" text NOT NULL,
	"granted" boolean NOT NULL,
	"version" integer,
	"record_id" text NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "consent_state_subject_id_matter_pk" PRIMARY KEY("subject_id","matter")
);
--> statement-breakpoint
CREATE TABLE "document_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"document" text NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"body_zh" text NOT NULL,
	"body_en" text NOT NULL,
	"summary_zh" text NOT NULL,
	"summary_en" text NOT NULL,
	"material" boolean DEFAULT false NOT NULL,
	"narrows_rights" boolean DEFAULT false NOT NULL,
	"text_hash" text,
	"published_at" timestamp with time zone,
	"effective_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_versions_published_complete" CHECK ("document_versions"."status" = 'draft' or ("document_versions"."text_hash" is not null and "document_versions"."published_at" is not null and "document_versions"."effective_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "legal_holds" (
	"id" text PRIMARY KEY NOT NULL,
	"subject_id" text NOT NULL,
	"record_table" text,
	"record_id" text,
	"kind" text NOT NULL,
	"reference" text NOT NULL,
	"retain_until" timestamp with time zone,
	"placed_by" text NOT NULL,
	"placed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_by" text,
	"released_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "customers" ALTER COLUMN "phone_enc" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "consent_records_subject_at_idx" ON "consent_records" USING btree ("subject_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "document_versions_document_version_key" ON "document_versions" USING btree ("document","version");--> statement-breakpoint
CREATE INDEX "legal_holds_subject_idx" ON "legal_holds" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "legal_holds_record_idx" ON "legal_holds" USING btree ("record_table","record_id");