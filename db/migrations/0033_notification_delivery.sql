CREATE TABLE "notification_digests" (
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"day" date NOT NULL,
	"covered_until" timestamp with time zone NOT NULL,
	"notification_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"updated_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	CONSTRAINT "notification_digests_pkey" PRIMARY KEY("tenant_id","user_id","day")
);
--> statement-breakpoint
ALTER TABLE "notification_digests" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "task_reminders" (
	"tenant_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"updated_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	CONSTRAINT "task_reminders_pkey" PRIMARY KEY("tenant_id","task_id")
);
--> statement-breakpoint
ALTER TABLE "task_reminders" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_kind_known";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_known";--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "process_id" uuid;--> statement-breakpoint
ALTER TABLE "notification_digests" ADD CONSTRAINT "notification_digests_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_digests" ADD CONSTRAINT "notification_digests_user_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_reminders" ADD CONSTRAINT "task_reminders_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_reminders" ADD CONSTRAINT "task_reminders_task_fk" FOREIGN KEY ("tenant_id","task_id") REFERENCES "public"."tasks"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_process_fk" FOREIGN KEY ("tenant_id","process_id") REFERENCES "public"."sales_processes"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tasks_open_due_idx" ON "tasks" USING btree ("due_at","tenant_id","id") WHERE "tasks"."completed_at" is null and "tasks"."deleted_at" is null;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_kind_known" CHECK ("notification_preferences"."kind" in ('deal.assigned', 'deal.stage_changed', 'deal.won', 'deal.lost', 'activity.logged', 'task.assigned', 'invitation.accepted', 'task.due', 'process.changed'));--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_known" CHECK ("notifications"."kind" in ('deal.assigned', 'deal.stage_changed', 'deal.won', 'deal.lost', 'activity.logged', 'task.assigned', 'invitation.accepted', 'task.due', 'process.changed'));--> statement-breakpoint
CREATE POLICY "notification digests are visible to their recipient" ON "notification_digests" AS PERMISSIVE FOR SELECT TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "notification digests are created by their recipient" ON "notification_digests" AS PERMISSIVE FOR INSERT TO "crm_app" WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "task reminders are visible to those who see their task" ON "task_reminders" AS PERMISSIVE FOR SELECT TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and exists (select 1 from tasks k where k.tenant_id = task_reminders.tenant_id and k.id = task_reminders.task_id));--> statement-breakpoint
CREATE POLICY "task reminders are created by those who see their task" ON "task_reminders" AS PERMISSIVE FOR INSERT TO "crm_app" WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and exists (select 1 from tasks k where k.tenant_id = task_reminders.tenant_id and k.id = task_reminders.task_id));--> statement-breakpoint
CREATE POLICY "task reminders are changed by those who see their task" ON "task_reminders" AS PERMISSIVE FOR UPDATE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and exists (select 1 from tasks k where k.tenant_id = task_reminders.tenant_id and k.id = task_reminders.task_id)) WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and exists (select 1 from tasks k where k.tenant_id = task_reminders.tenant_id and k.id = task_reminders.task_id));--> statement-breakpoint
-- Custom part (not tracked by drizzle-kit). ADR 0171: e-mail and digest delivery, due reminders, process
-- change notices. RLS forced like every table.
ALTER TABLE "task_reminders" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "notification_digests" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- The scheduled job acts for one member at a time (withTenant bound as the assignee or the digest's
-- recipient): it claims a reminder by inserting or moving its row, a digest day by inserting it. Nothing is
-- ever deleted by crm_app; a reminder row changes its due time only.
GRANT SELECT, INSERT ON task_reminders TO crm_app;--> statement-breakpoint
GRANT UPDATE (due_at) ON task_reminders TO crm_app;--> statement-breakpoint
GRANT SELECT, INSERT ON notification_digests TO crm_app;--> statement-breakpoint
CREATE TRIGGER set_updated_columns BEFORE UPDATE ON task_reminders
  FOR EACH ROW EXECUTE FUNCTION set_updated_columns();--> statement-breakpoint
CREATE TRIGGER set_updated_columns BEFORE UPDATE ON notification_digests
  FOR EACH ROW EXECUTE FUNCTION set_updated_columns();--> statement-breakpoint
-- Which members the job must act for is found across tenants by crm_platform ('notification-delivery'),
-- reading these columns only: open tasks' due times and assignees, reminders' due times, who chose a digest,
-- and the digest days already made. It writes nothing through them.
GRANT SELECT (tenant_id, id, assignee_user_id, due_at, completed_at, deleted_at) ON tasks TO crm_platform;--> statement-breakpoint
GRANT SELECT (tenant_id, task_id, due_at) ON task_reminders TO crm_platform;--> statement-breakpoint
GRANT SELECT (tenant_id, user_id, kind, digest) ON notification_preferences TO crm_platform;--> statement-breakpoint
GRANT SELECT (tenant_id, user_id, day) ON notification_digests TO crm_platform;--> statement-breakpoint

-- The writer of a notification respects its recipient's in-app and e-mail choices, which the policies keep
-- from everyone but the recipient: like notification_in_app() (0031), this answers those two choices (and
-- nothing else) of the given members of the bound tenant for one kind, as rows that exist; the defaults for
-- members without a row live in the API. Owned by crm_summary (BYPASSRLS, NOLOGIN, five columns).
GRANT SELECT (email) ON notification_preferences TO crm_summary;--> statement-breakpoint
CREATE FUNCTION notification_channels(kind text, user_ids uuid[])
RETURNS TABLE (user_id uuid, in_app boolean, email boolean)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT p.user_id, p.in_app, p.email FROM notification_preferences p
   WHERE p.tenant_id = nullif(current_setting('app.current_tenant_id', true), '')::uuid
     AND p.user_id = ANY ($2) AND p.kind = $1
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION notification_channels(text, uuid[]) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION notification_channels(text, uuid[]) TO crm_app;--> statement-breakpoint
GRANT CREATE ON SCHEMA public TO crm_summary;--> statement-breakpoint
ALTER FUNCTION notification_channels(text, uuid[]) OWNER TO crm_summary;--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM crm_summary;--> statement-breakpoint
COMMENT ON FUNCTION notification_channels(text, uuid[]) IS
  'ADR 0171: the in-app and e-mail choices of the given members of the bound tenant for one kind (rows that exist only), so a writer respects preferences it may not read.';--> statement-breakpoint
COMMENT ON POLICY "notification digests are visible to their recipient" ON "notification_digests" IS 'A member’s own digest days: the digest job, acting as the member, claims the day by inserting it; nobody else reads or writes them (ADR 0171).';--> statement-breakpoint
COMMENT ON POLICY "notification digests are created by their recipient" ON "notification_digests" IS 'A member’s own digest days: the digest job, acting as the member, claims the day by inserting it; nobody else reads or writes them (ADR 0171).';--> statement-breakpoint
COMMENT ON POLICY "task reminders are visible to those who see their task" ON "task_reminders" IS 'Bookkeeping of the due-reminder job, which acts as the task’s assignee: a reminder follows its task (EXISTS under the tasks’ policies), so nobody learns of a task through it (ADR 0171).';--> statement-breakpoint
COMMENT ON POLICY "task reminders are created by those who see their task" ON "task_reminders" IS 'Bookkeeping of the due-reminder job, which acts as the task’s assignee: a reminder follows its task (EXISTS under the tasks’ policies), so nobody learns of a task through it (ADR 0171).';--> statement-breakpoint
COMMENT ON POLICY "task reminders are changed by those who see their task" ON "task_reminders" IS 'Bookkeeping of the due-reminder job, which acts as the task’s assignee: a reminder follows its task (EXISTS under the tasks’ policies), so nobody learns of a task through it (ADR 0171).';
