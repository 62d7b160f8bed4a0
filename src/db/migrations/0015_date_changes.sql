CREATE TABLE "date_changes" (
	"id" text PRIMARY KEY NOT NULL,
	"policy_id" text NOT NULL,
	"order_id" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"old_cover_start" date NOT NULL,
	"old_cover_end" date NOT NULL,
	"new_cover_start" date NOT NULL,
	"new_cover_end" date NOT NULL,
	"old_premium_fen" bigint NOT NULL,
	"new_premium_fen" bigint NOT NULL,
	"premium_lines" jsonb NOT NULL,
	"difference_fen" bigint NOT NULL,
	"status" text NOT NULL,
	"top_up_payment_id" text,
	"expires_at" timestamp (3) with time zone,
	"endorsement_id" text,
	"refusal" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "date_changes_cover" CHECK ("date_changes"."new_cover_start" <= "date_changes"."new_cover_end"),
	CONSTRAINT "date_changes_premium" CHECK ("date_changes"."new_premium_fen" > 0 and "date_changes"."difference_fen" = "date_changes"."new_premium_fen" - "date_changes"."old_premium_fen")
);
--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "purpose" text DEFAULT 'premium' NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "merchant_reference" text;--> statement-breakpoint
ALTER TABLE "date_changes" ADD CONSTRAINT "date_changes_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "date_changes" ADD CONSTRAINT "date_changes_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "date_changes" ADD CONSTRAINT "date_changes_top_up_payment_id_payments_id_fk" FOREIGN KEY ("top_up_payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "date_changes" ADD CONSTRAINT "date_changes_endorsement_id_policy_endorsements_id_fk" FOREIGN KEY ("endorsement_id") REFERENCES "public"."policy_endorsements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "date_changes_idempotency_key" ON "date_changes" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "date_changes_one_open_key" ON "date_changes" USING btree ("policy_id") WHERE "date_changes"."status" in ('awaiting_payment', 'paid');--> statement-breakpoint
CREATE INDEX "date_changes_order_idx" ON "date_changes" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "date_changes_status_expires_idx" ON "date_changes" USING btree ("status","expires_at");