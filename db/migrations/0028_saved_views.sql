CREATE TABLE "saved_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"list" text NOT NULL,
	"name" text NOT NULL,
	"filters" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"updated_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	CONSTRAINT "saved_views_tenant_id_id_key" UNIQUE("tenant_id","id"),
	CONSTRAINT "saved_views_list_known" CHECK ("saved_views"."list" in ('deals')),
	CONSTRAINT "saved_views_filters_object" CHECK (jsonb_typeof("saved_views"."filters") = 'object')
);
--> statement-breakpoint
ALTER TABLE "saved_views" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_user_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "saved_views_user_list_name_key" ON "saved_views" USING btree ("tenant_id","user_id","list",lower("name"));--> statement-breakpoint
CREATE POLICY "saved views are visible to their owner" ON "saved_views" AS PERMISSIVE FOR SELECT TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "saved views are created by their owner" ON "saved_views" AS PERMISSIVE FOR INSERT TO "crm_app" WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "saved views are changed by their owner" ON "saved_views" AS PERMISSIVE FOR UPDATE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid) WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "saved views are deleted by their owner" ON "saved_views" AS PERMISSIVE FOR DELETE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid);--> statement-breakpoint
-- Custom part (not tracked by drizzle-kit). RLS forced like every table; crm_app reads and writes a user's
-- own views only (policies). Nobody else needs them: not the platform, not an archive (ADR 0165).
ALTER TABLE "saved_views" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON saved_views TO crm_app;--> statement-breakpoint
CREATE TRIGGER set_updated_columns BEFORE UPDATE ON saved_views
  FOR EACH ROW EXECUTE FUNCTION set_updated_columns();--> statement-breakpoint
COMMENT ON POLICY "saved views are visible to their owner" ON "saved_views" IS 'A saved view is a personal preference: only the user who saved it reads, renames or deletes it.';--> statement-breakpoint
COMMENT ON POLICY "saved views are created by their owner" ON "saved_views" IS 'A saved view is a personal preference: only the user who saved it reads, renames or deletes it.';--> statement-breakpoint
COMMENT ON POLICY "saved views are changed by their owner" ON "saved_views" IS 'A saved view is a personal preference: only the user who saved it reads, renames or deletes it.';--> statement-breakpoint
COMMENT ON POLICY "saved views are deleted by their owner" ON "saved_views" IS 'A saved view is a personal preference: only the user who saved it reads, renames or deletes it.';
