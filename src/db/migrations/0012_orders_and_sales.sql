CREATE TABLE "application_drafts" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"product_id" text NOT NULL,
	"data_enc" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_parties" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"role" text NOT NULL,
	"position" integer NOT NULL,
	"insured_position" integer,
	"relationship" text,
	"share_percent" integer,
	"name_enc" text,
	"name_pinyin_enc" text,
	"id_document_enc" text,
	"id_number_bidx" text,
	"passport_number_enc" text,
	"birth_date_enc" text,
	"sex_enc" text,
	"phone_enc" text,
	"email_enc" text,
	"occupation_class_enc" text,
	"health_answers_enc" text,
	CONSTRAINT "order_parties_share" CHECK ("order_parties"."share_percent" is null or ("order_parties"."share_percent" between 1 and 100))
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" text PRIMARY KEY NOT NULL,
	"sale_id" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"customer_id" text,
	"guest_id" text,
	"product_id" text NOT NULL,
	"plan_id" text NOT NULL,
	"policyholder_kind" text NOT NULL,
	"institution_name" text,
	"institution_credit_code" text,
	"cover_start" date NOT NULL,
	"cover_end" date NOT NULL,
	"destinations" text[] DEFAULT '{}'::text[] NOT NULL,
	"insured_count" integer NOT NULL,
	"rating_version" integer NOT NULL,
	"rating_hash" text NOT NULL,
	"premium_lines" jsonb NOT NULL,
	"subtotal_fen" bigint NOT NULL,
	"discount_fen" bigint NOT NULL,
	"premium_fen" bigint NOT NULL,
	"status" text NOT NULL,
	"language" text NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"paid_at" timestamp (3) with time zone,
	"issued_at" timestamp (3) with time zone,
	"closed_at" timestamp (3) with time zone,
	"retain_until" timestamp with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_one_owner" CHECK (("orders"."customer_id" is null) <> ("orders"."guest_id" is null)),
	CONSTRAINT "orders_amounts" CHECK ("orders"."premium_fen" > 0 and "orders"."discount_fen" >= 0 and "orders"."premium_fen" = "orders"."subtotal_fen" - "orders"."discount_fen"),
	CONSTRAINT "orders_cover" CHECK ("orders"."cover_start" <= "orders"."cover_end")
);
--> statement-breakpoint
CREATE TABLE "sale_steps" (
	"id" text PRIMARY KEY NOT NULL,
	"sale_id" text NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"action" text NOT NULL,
	"document_id" text,
	"content_hash" text,
	"statement" text,
	"viewed_ms" integer,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sales" (
	"id" text PRIMARY KEY NOT NULL,
	"product_id" text NOT NULL,
	"customer_id" text,
	"guest_id" text,
	"started_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"retain_until" timestamp with time zone NOT NULL,
	CONSTRAINT "sales_one_owner" CHECK (("sales"."customer_id" is null) <> ("sales"."guest_id" is null))
);
--> statement-breakpoint
ALTER TABLE "application_drafts" ADD CONSTRAINT "application_drafts_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_parties" ADD CONSTRAINT "order_parties_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_sale_id_sales_id_fk" FOREIGN KEY ("sale_id") REFERENCES "public"."sales"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sale_steps" ADD CONSTRAINT "sale_steps_sale_id_sales_id_fk" FOREIGN KEY ("sale_id") REFERENCES "public"."sales"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "application_drafts_customer_product_key" ON "application_drafts" USING btree ("customer_id","product_id");--> statement-breakpoint
CREATE INDEX "application_drafts_updated_idx" ON "application_drafts" USING btree ("updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "order_parties_role_key" ON "order_parties" USING btree ("order_id","role","insured_position","position");--> statement-breakpoint
CREATE INDEX "order_parties_id_number_bidx_idx" ON "order_parties" USING btree ("id_number_bidx");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_idempotency_key" ON "orders" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "orders_customer_idx" ON "orders" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_guest_idx" ON "orders" USING btree ("guest_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_status_expires_idx" ON "orders" USING btree ("status","expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sale_steps_sale_seq_key" ON "sale_steps" USING btree ("sale_id","seq");--> statement-breakpoint
CREATE INDEX "sales_customer_idx" ON "sales" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "sales_retain_until_idx" ON "sales" USING btree ("retain_until");--> statement-breakpoint
-- The 可回溯 record (R-POL-7) is evidence: a step is never changed, and is deleted only with a sale
-- whose retention has passed (the sweep deletes the steps, then the sale).
CREATE FUNCTION sale_steps_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM sales WHERE sales.id = OLD.sale_id AND sales.retain_until < now()) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'sale_steps: step % of sale % is a sales-process record: % refused', OLD.seq, OLD.sale_id, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER sale_steps_immutable BEFORE UPDATE OR DELETE ON sale_steps FOR EACH ROW EXECUTE FUNCTION sale_steps_refuse_change();
