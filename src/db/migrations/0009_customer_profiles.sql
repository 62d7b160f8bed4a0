CREATE TABLE "customer_profile_changes" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"fields" text[] NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"channel" text NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_profiles" (
	"id" text PRIMARY KEY NOT NULL,
	"name_enc" text,
	"gender_enc" text,
	"company_enc" text,
	"id_document_enc" text,
	"id_number_bidx" text,
	"email_enc" text,
	"address_enc" text,
	"other_info_enc" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sms_challenges" ADD COLUMN "purpose" text DEFAULT 'sign_in' NOT NULL;--> statement-breakpoint
CREATE INDEX "customer_profile_changes_customer_at_idx" ON "customer_profile_changes" USING btree ("customer_id","at");--> statement-breakpoint
CREATE INDEX "customer_profiles_id_number_bidx_idx" ON "customer_profiles" USING btree ("id_number_bidx");