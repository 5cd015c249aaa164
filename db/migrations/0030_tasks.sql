CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"type" "activity_type" NOT NULL,
	"subject" text NOT NULL,
	"notes" text,
	"due_at" timestamp with time zone NOT NULL,
	"assignee_user_id" uuid NOT NULL,
	"deal_id" uuid,
	"contact_id" uuid,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"updated_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	CONSTRAINT "tasks_tenant_id_id_key" UNIQUE("tenant_id","id"),
	CONSTRAINT "tasks_linked" CHECK ("tasks"."deal_id" is not null or "tasks"."contact_id" is not null),
	CONSTRAINT "tasks_completion_pair" CHECK (("tasks"."completed_at" is null) = ("tasks"."completed_by" is null))
);
--> statement-breakpoint
ALTER TABLE "tasks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_assignee_fk" FOREIGN KEY ("tenant_id","assignee_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_completed_by_fk" FOREIGN KEY ("tenant_id","completed_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_deal_fk" FOREIGN KEY ("tenant_id","deal_id") REFERENCES "public"."deals"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_contact_fk" FOREIGN KEY ("tenant_id","contact_id") REFERENCES "public"."contacts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tasks_open_by_assignee_idx" ON "tasks" USING btree ("tenant_id","assignee_user_id","due_at","id") WHERE "tasks"."completed_at" is null and "tasks"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "tasks_open_by_deal_idx" ON "tasks" USING btree ("tenant_id","deal_id","due_at","id") WHERE "tasks"."completed_at" is null and "tasks"."deleted_at" is null and "tasks"."deal_id" is not null;--> statement-breakpoint
CREATE INDEX "tasks_deal_idx" ON "tasks" USING btree ("tenant_id","deal_id","due_at","id") WHERE "tasks"."deleted_at" is null and "tasks"."deal_id" is not null;--> statement-breakpoint
CREATE INDEX "tasks_contact_idx" ON "tasks" USING btree ("tenant_id","contact_id","due_at","id") WHERE "tasks"."deleted_at" is null and "tasks"."contact_id" is not null;--> statement-breakpoint
CREATE POLICY "tasks are visible to assignees, creators, record viewers" ON "tasks" AS PERMISSIVE FOR SELECT TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '') in ('admin', 'manager'))
        or assignee_user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid or created_by = (select nullif(current_setting('app.current_user_id', true), ''))::uuid
        or exists (select 1 from deals d where d.tenant_id = tasks.tenant_id and d.id = tasks.deal_id)
        or exists (select 1 from contacts c where c.tenant_id = tasks.tenant_id and c.id = tasks.contact_id)));--> statement-breakpoint
CREATE POLICY "tasks are created by leads, or a rep for themself" ON "tasks" AS PERMISSIVE FOR INSERT TO "crm_app" WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '') in ('admin', 'manager')) or assignee_user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid));--> statement-breakpoint
CREATE POLICY "tasks are changed by leads, or a rep for themself" ON "tasks" AS PERMISSIVE FOR UPDATE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '') in ('admin', 'manager')) or assignee_user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '') in ('admin', 'manager')) or assignee_user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid));--> statement-breakpoint
-- Custom part (not tracked by drizzle-kit). RLS forced like every table. Tasks are never deleted (deleted_at
-- is set), and crm_app names only the columns a task's life changes: never tenant_id, id or created_*.
ALTER TABLE "tasks" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT ON tasks TO crm_app;--> statement-breakpoint
GRANT UPDATE (type, subject, notes, due_at, assignee_user_id, deal_id, contact_id, completed_at, completed_by,
  deleted_at) ON tasks TO crm_app;--> statement-breakpoint
CREATE TRIGGER set_updated_columns BEFORE UPDATE ON tasks
  FOR EACH ROW EXECUTE FUNCTION set_updated_columns();--> statement-breakpoint
-- A completed task is a record of work done, immutable like a logged activity (F10.4): afterwards only
-- deleted_at may be set, once. The service answers 409 first; this binds every role and every path.
CREATE OR REPLACE FUNCTION guard_task_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE mutable text[] := ARRAY['deleted_at', 'updated_at', 'updated_by'];
BEGIN
  IF OLD.completed_at IS NOT NULL AND (to_jsonb(NEW) - mutable) IS DISTINCT FROM (to_jsonb(OLD) - mutable) THEN
    RAISE EXCEPTION 'tasks: a completed task is immutable: only deleted_at may be set'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS DISTINCT FROM OLD.deleted_at THEN
    RAISE EXCEPTION 'tasks: deleted_at is set once' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER guard_task_update BEFORE UPDATE ON tasks
  FOR EACH ROW EXECUTE FUNCTION guard_task_update();--> statement-breakpoint
COMMENT ON POLICY "tasks are visible to assignees, creators, record viewers" ON "tasks" IS 'A task follows its deal or contact (EXISTS under their policies), and its assignee and creator always see it, so a manager can hand a rep a next step on the rep’s own record.';--> statement-breakpoint
COMMENT ON POLICY "tasks are created by leads, or a rep for themself" ON "tasks" IS 'A rep plans, reschedules and completes their own tasks only (they cannot hand work to a colleague); admins and managers assign anyone. Rows are never deleted: deleted_at is set.';--> statement-breakpoint
COMMENT ON POLICY "tasks are changed by leads, or a rep for themself" ON "tasks" IS 'A rep plans, reschedules and completes their own tasks only (they cannot hand work to a colleague); admins and managers assign anyone. Rows are never deleted: deleted_at is set.';
--> statement-breakpoint
-- A deal handed to someone else takes its open next steps along: the previous owner's open tasks on it
-- become the new owner's (a step of someone else, a manager's own say, stays theirs). In the reassigning
-- statement's transaction, under the caller's policies (reassigning is for leads, who may change any task).
CREATE OR REPLACE FUNCTION tasks_follow_deal_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.assigned_user_id IS NOT NULL AND OLD.assigned_user_id IS NOT NULL
     AND NEW.assigned_user_id IS DISTINCT FROM OLD.assigned_user_id THEN
    UPDATE tasks SET assignee_user_id = NEW.assigned_user_id
      WHERE tenant_id = NEW.tenant_id AND deal_id = NEW.id AND assignee_user_id = OLD.assigned_user_id
        AND completed_at IS NULL AND deleted_at IS NULL;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER tasks_follow_deal_owner AFTER UPDATE OF assigned_user_id ON deals
  FOR EACH ROW EXECUTE FUNCTION tasks_follow_deal_owner();
