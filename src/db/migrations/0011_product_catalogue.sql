CREATE TABLE "insurers" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"full_name_zh" text NOT NULL,
	"full_name_en" text NOT NULL,
	"short_name_zh" text NOT NULL,
	"short_name_en" text NOT NULL,
	"licence_number" text NOT NULL,
	"service_phone" text NOT NULL,
	"claims_hotline" text NOT NULL,
	"website" text,
	"address_zh" text NOT NULL,
	"address_en" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "insurers_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "plan_coverages" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"position" integer NOT NULL,
	"item" text NOT NULL,
	"item_zh" text NOT NULL,
	"item_en" text NOT NULL,
	"detail_zh" text DEFAULT '' NOT NULL,
	"detail_en" text DEFAULT '' NOT NULL,
	"sum_insured_fen" bigint NOT NULL,
	"deductible_fen" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "plan_coverages_amounts" CHECK ("plan_coverages"."sum_insured_fen" >= 0 and "plan_coverages"."deductible_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" text PRIMARY KEY NOT NULL,
	"product_id" text NOT NULL,
	"code" text NOT NULL,
	"level" integer NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"schengen_compliant" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_documents" (
	"id" text PRIMARY KEY NOT NULL,
	"product_id" text NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"body_zh" text NOT NULL,
	"body_en" text NOT NULL,
	"questions" jsonb,
	"text_hash" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"insurer_id" text NOT NULL,
	"type" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"summary_zh" text NOT NULL,
	"summary_en" text NOT NULL,
	"zones" text[] NOT NULL,
	"min_days" integer NOT NULL,
	"max_days" integer NOT NULL,
	"max_trip_days" integer,
	"min_age" integer NOT NULL,
	"max_age" integer NOT NULL,
	"max_insured" integer DEFAULT 50 NOT NULL,
	"cooling_off_days" integer NOT NULL,
	"policyholder_fields" text[] NOT NULL,
	"insured_fields" text[] NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"sort_order" integer DEFAULT 100 NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_code_unique" UNIQUE("code"),
	CONSTRAINT "products_days_range" CHECK ("products"."min_days" >= 1 and "products"."min_days" <= "products"."max_days"),
	CONSTRAINT "products_age_range" CHECK ("products"."min_age" >= 0 and "products"."min_age" <= "products"."max_age"),
	CONSTRAINT "products_cooling_off" CHECK ("products"."cooling_off_days" >= 0)
);
--> statement-breakpoint
CREATE TABLE "rating_tables" (
	"id" text PRIMARY KEY NOT NULL,
	"product_id" text NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_keywords" (
	"keyword" text NOT NULL,
	"day" date NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "search_keywords_keyword_day_pk" PRIMARY KEY("keyword","day")
);
--> statement-breakpoint
ALTER TABLE "plan_coverages" ADD CONSTRAINT "plan_coverages_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_documents" ADD CONSTRAINT "product_documents_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_insurer_id_insurers_id_fk" FOREIGN KEY ("insurer_id") REFERENCES "public"."insurers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_tables" ADD CONSTRAINT "rating_tables_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_coverages_plan_item_key" ON "plan_coverages" USING btree ("plan_id","item");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_product_code_key" ON "plans" USING btree ("product_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_product_level_key" ON "plans" USING btree ("product_id","level");--> statement-breakpoint
CREATE UNIQUE INDEX "product_documents_version_key" ON "product_documents" USING btree ("product_id","kind","version");--> statement-breakpoint
CREATE INDEX "products_status_idx" ON "products" USING btree ("status","sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "rating_tables_version_key" ON "rating_tables" USING btree ("product_id","version");--> statement-breakpoint
-- Product documents and rating tables are versions that sales point at by their hash (R-POL-1,
-- R-POL-3): a change is a new version, never an edit, and the database itself refuses edits.
CREATE FUNCTION catalogue_versions_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%: version % of product % is immutable: % refused', TG_TABLE_NAME, OLD.version, OLD.product_id, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER product_documents_immutable BEFORE UPDATE OR DELETE ON product_documents FOR EACH ROW EXECUTE FUNCTION catalogue_versions_refuse_change();
--> statement-breakpoint
CREATE TRIGGER rating_tables_immutable BEFORE UPDATE OR DELETE ON rating_tables FOR EACH ROW EXECUTE FUNCTION catalogue_versions_refuse_change();
