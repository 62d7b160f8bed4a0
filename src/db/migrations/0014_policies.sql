CREATE TABLE "policies" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"insurer_id" text NOT NULL,
	"insurer_policy_number" text NOT NULL,
	"status" text NOT NULL,
	"cover_start" date NOT NULL,
	"cover_end" date NOT NULL,
	"issued_at" timestamp (3) with time zone NOT NULL,
	"cancelled_at" timestamp (3) with time zone,
	"verification_token_hash" text NOT NULL,
	"retain_until" timestamp with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policies_cover" CHECK ("policies"."cover_start" <= "policies"."cover_end")
);
--> statement-breakpoint
CREATE TABLE "policy_endorsements" (
	"id" text PRIMARY KEY NOT NULL,
	"policy_id" text NOT NULL,
	"kind" text NOT NULL,
	"old_cover_start" date NOT NULL,
	"old_cover_end" date NOT NULL,
	"new_cover_start" date NOT NULL,
	"new_cover_end" date NOT NULL,
	"premium_difference_fen" bigint NOT NULL,
	"insurer_endorsement_number" text NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_insurer_id_insurers_id_fk" FOREIGN KEY ("insurer_id") REFERENCES "public"."insurers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_endorsements" ADD CONSTRAINT "policy_endorsements_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "policies_order_key" ON "policies" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "policies_insurer_number_key" ON "policies" USING btree ("insurer_id","insurer_policy_number");--> statement-breakpoint
CREATE UNIQUE INDEX "policies_verification_key" ON "policies" USING btree ("verification_token_hash");--> statement-breakpoint
CREATE INDEX "policies_retain_until_idx" ON "policies" USING btree ("retain_until");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_endorsements_number_key" ON "policy_endorsements" USING btree ("policy_id","insurer_endorsement_number");