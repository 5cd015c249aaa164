CREATE TABLE "notification_preferences" (
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"in_app" boolean NOT NULL,
	"email" boolean NOT NULL,
	"digest" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"updated_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	CONSTRAINT "notification_preferences_pkey" PRIMARY KEY("tenant_id","user_id","kind"),
	CONSTRAINT "notification_preferences_kind_known" CHECK ("notification_preferences"."kind" in ('deal.assigned', 'deal.stage_changed', 'deal.won', 'deal.lost', 'activity.logged', 'task.assigned', 'invitation.accepted'))
);
--> statement-breakpoint
ALTER TABLE "notification_preferences" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"recipient_user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_user_id" uuid,
	"deal_id" uuid,
	"contact_id" uuid,
	"task_id" uuid,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"updated_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	CONSTRAINT "notifications_tenant_id_id_key" UNIQUE("tenant_id","id"),
	CONSTRAINT "notifications_kind_known" CHECK ("notifications"."kind" in ('deal.assigned', 'deal.stage_changed', 'deal.won', 'deal.lost', 'activity.logged', 'task.assigned', 'invitation.accepted'))
);
--> statement-breakpoint
ALTER TABLE "notifications" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_fk" FOREIGN KEY ("tenant_id","recipient_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_actor_fk" FOREIGN KEY ("tenant_id","actor_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_deal_fk" FOREIGN KEY ("tenant_id","deal_id") REFERENCES "public"."deals"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_contact_fk" FOREIGN KEY ("tenant_id","contact_id") REFERENCES "public"."contacts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_task_fk" FOREIGN KEY ("tenant_id","task_id") REFERENCES "public"."tasks"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_feed_idx" ON "notifications" USING btree ("tenant_id","recipient_user_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("tenant_id","recipient_user_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE POLICY "notification preferences are visible to their owner" ON "notification_preferences" AS PERMISSIVE FOR SELECT TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "notification preferences are created by their owner" ON "notification_preferences" AS PERMISSIVE FOR INSERT TO "crm_app" WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "notification preferences are changed by their owner" ON "notification_preferences" AS PERMISSIVE FOR UPDATE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid) WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "notification preferences are deleted by their owner" ON "notification_preferences" AS PERMISSIVE FOR DELETE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "notifications are visible to their recipient" ON "notifications" AS PERMISSIVE FOR SELECT TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and recipient_user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "notifications are changed by their recipient" ON "notifications" AS PERMISSIVE FOR UPDATE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and recipient_user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid) WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and recipient_user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "notifications are created by members of their tenant" ON "notifications" AS PERMISSIVE FOR INSERT TO "crm_app" WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid);--> statement-breakpoint
-- Custom part (not tracked by drizzle-kit). RLS forced like every table. A notification is written by the
-- member whose change it reports (for someone else: the insert policy is the bound tenant only) and read and
-- marked read by its recipient; crm_app may change read_at and nothing else, and never deletes one.
ALTER TABLE "notifications" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "notification_preferences" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT ON notifications TO crm_app;--> statement-breakpoint
GRANT UPDATE (read_at) ON notifications TO crm_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON notification_preferences TO crm_app;--> statement-breakpoint
CREATE TRIGGER set_updated_columns BEFORE UPDATE ON notifications
  FOR EACH ROW EXECUTE FUNCTION set_updated_columns();--> statement-breakpoint
CREATE TRIGGER set_updated_columns BEFORE UPDATE ON notification_preferences
  FOR EACH ROW EXECUTE FUNCTION set_updated_columns();--> statement-breakpoint

-- The writer of a notification must respect its recipient's choice, which the policies keep from everyone
-- but the recipient: this function answers the in-app choice (and nothing else) of the given members of the
-- bound tenant for one kind, as rows that exist; the defaults for members without a row live in the API.
-- Owned by crm_summary (BYPASSRLS, NOLOGIN, reads these four columns only); crm_app may execute it.
GRANT SELECT (tenant_id, user_id, kind, in_app) ON notification_preferences TO crm_summary;--> statement-breakpoint
CREATE FUNCTION notification_in_app(kind text, user_ids uuid[]) RETURNS TABLE (user_id uuid, in_app boolean)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT p.user_id, p.in_app FROM notification_preferences p
   WHERE p.tenant_id = nullif(current_setting('app.current_tenant_id', true), '')::uuid
     AND p.user_id = ANY ($2) AND p.kind = $1
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION notification_in_app(text, uuid[]) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION notification_in_app(text, uuid[]) TO crm_app;--> statement-breakpoint
GRANT CREATE ON SCHEMA public TO crm_summary;--> statement-breakpoint
ALTER FUNCTION notification_in_app(text, uuid[]) OWNER TO crm_summary;--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM crm_summary;--> statement-breakpoint
COMMENT ON FUNCTION notification_in_app(text, uuid[]) IS
  'ADR 0169: the in-app choice of the given members of the bound tenant for one kind (rows that exist only), so a writer respects preferences it may not read.';--> statement-breakpoint
COMMENT ON POLICY "notifications are visible to their recipient" ON "notifications" IS 'A notification is a message to one member: only they read it or mark it read (crm_app may update read_at only).';--> statement-breakpoint
COMMENT ON POLICY "notifications are changed by their recipient" ON "notifications" IS 'A notification is a message to one member: only they read it or mark it read (crm_app may update read_at only).';--> statement-breakpoint
COMMENT ON POLICY "notifications are created by members of their tenant" ON "notifications" IS 'Whoever makes a change notifies the people it concerns (a new owner, a deal’s owner, the admins), so a member writes messages for others; the service decides who receives what (ADR 0169).';
--> statement-breakpoint
COMMENT ON POLICY "notification preferences are visible to their owner" ON "notification_preferences" IS 'A member’s own choice of what they are told and how: nobody else reads or changes it. A writer learns only whether a recipient turned a kind off in the app, through notification_in_app() (ADR 0169).';--> statement-breakpoint
COMMENT ON POLICY "notification preferences are created by their owner" ON "notification_preferences" IS 'A member’s own choice of what they are told and how: nobody else reads or changes it. A writer learns only whether a recipient turned a kind off in the app, through notification_in_app() (ADR 0169).';--> statement-breakpoint
COMMENT ON POLICY "notification preferences are changed by their owner" ON "notification_preferences" IS 'A member’s own choice of what they are told and how: nobody else reads or changes it. A writer learns only whether a recipient turned a kind off in the app, through notification_in_app() (ADR 0169).';--> statement-breakpoint
COMMENT ON POLICY "notification preferences are deleted by their owner" ON "notification_preferences" IS 'A member’s own choice of what they are told and how: nobody else reads or changes it. A writer learns only whether a recipient turned a kind off in the app, through notification_in_app() (ADR 0169).';
