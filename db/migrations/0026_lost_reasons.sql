CREATE TABLE "lost_reasons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"process_id" uuid NOT NULL,
	"label" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"updated_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	CONSTRAINT "lost_reasons_tenant_id_id_key" UNIQUE("tenant_id","id"),
	CONSTRAINT "lost_reasons_tenant_id_process_id_id_key" UNIQUE("tenant_id","process_id","id")
);
--> statement-breakpoint
ALTER TABLE "lost_reasons" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "deals" ADD COLUMN "lost_reason_id" uuid;--> statement-breakpoint
ALTER TABLE "lost_reasons" ADD CONSTRAINT "lost_reasons_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lost_reasons" ADD CONSTRAINT "lost_reasons_process_fk" FOREIGN KEY ("tenant_id","process_id") REFERENCES "public"."sales_processes"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "lost_reasons_live_label_key" ON "lost_reasons" USING btree ("tenant_id","process_id",lower("label")) WHERE archived_at is null;--> statement-breakpoint
CREATE INDEX "lost_reasons_tenant_id_process_id_position_idx" ON "lost_reasons" USING btree ("tenant_id","process_id","position");--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_lost_reason_in_process_fk" FOREIGN KEY ("tenant_id","process_id","lost_reason_id") REFERENCES "public"."lost_reasons"("tenant_id","process_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_lost_reason_only_when_lost" CHECK (lost_reason_id is null or status = 'lost');--> statement-breakpoint
CREATE POLICY "lost reasons are visible to members of their tenant" ON "lost_reasons" AS PERMISSIVE FOR SELECT TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "lost reasons are created by admins of their tenant" ON "lost_reasons" AS PERMISSIVE FOR INSERT TO "crm_app" WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (select nullif(current_setting('app.current_role', true), '')) = 'admin');--> statement-breakpoint
CREATE POLICY "lost reasons are changed by admins of their tenant" ON "lost_reasons" AS PERMISSIVE FOR UPDATE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (select nullif(current_setting('app.current_role', true), '')) = 'admin') WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (select nullif(current_setting('app.current_role', true), '')) = 'admin');--> statement-breakpoint
CREATE POLICY "lost reasons are deleted by admins of their tenant" ON "lost_reasons" AS PERMISSIVE FOR DELETE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (select nullif(current_setting('app.current_role', true), '')) = 'admin');--> statement-breakpoint
-- Custom part (not tracked by drizzle-kit). RLS forced like every table; crm_app reads and, as an admin
-- (policies), adds, renames, reorders and archives reasons. The API never deletes one (a lost deal keeps
-- its reason, and the deals key refuses it anyway); DELETE is for a restore replacing a new workspace's
-- provisioned defaults (ADR 0125). crm_platform provisions a new workspace's default process and reasons.
ALTER TABLE "lost_reasons" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON lost_reasons TO crm_app;--> statement-breakpoint
GRANT SELECT, INSERT ON lost_reasons TO crm_platform;--> statement-breakpoint
CREATE TRIGGER set_updated_columns BEFORE UPDATE ON lost_reasons
  FOR EACH ROW EXECUTE FUNCTION set_updated_columns();--> statement-breakpoint
-- Existing processes start with the list new workspaces get (db/seed/processes.ts DEFAULT_LOST_REASONS).
INSERT INTO lost_reasons (tenant_id, process_id, label, position, created_by, updated_by)
SELECT p.tenant_id, p.id, r.label, r.position, NULL, NULL
  FROM sales_processes p
 CROSS JOIN (VALUES ('Price', 0), ('Chose a competitor', 1), ('No budget', 2), ('No decision', 3),
                    ('Timing', 4)) AS r(label, position);--> statement-breakpoint
COMMENT ON POLICY "lost reasons are visible to members of their tenant" ON "lost_reasons" IS 'Every member reads the tenant’s lost reasons; deals depend on them.';--> statement-breakpoint
COMMENT ON POLICY "lost reasons are created by admins of their tenant" ON "lost_reasons" IS 'Only admins configure lost reasons (F4.1: managers and reps have read-only access).';--> statement-breakpoint
COMMENT ON POLICY "lost reasons are changed by admins of their tenant" ON "lost_reasons" IS 'Only admins configure lost reasons (F4.1: managers and reps have read-only access).';--> statement-breakpoint
COMMENT ON POLICY "lost reasons are deleted by admins of their tenant" ON "lost_reasons" IS 'Only admins configure lost reasons (F4.1: managers and reps have read-only access).';
