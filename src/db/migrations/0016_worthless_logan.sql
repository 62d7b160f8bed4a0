CREATE TABLE "policy_documents" (
	"id" text PRIMARY KEY NOT NULL,
	"policy_id" text NOT NULL,
	"variant" text NOT NULL,
	"fingerprint" text NOT NULL,
	"pdf_enc" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "policy_documents" ADD CONSTRAINT "policy_documents_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "policy_documents_version_key" ON "policy_documents" USING btree ("policy_id","variant","fingerprint");