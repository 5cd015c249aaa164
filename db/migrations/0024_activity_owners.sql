-- Activity owners (issue 10, ADR 0102): per user, the activities whose contact or deal they are assigned to
-- or created, newest first, so a rep's activity list reads a page of their own instead of reading past
-- every colleague's (the activities policy decides through its contact's and deal's ownership, which no
-- index of activities can order). Kept by triggers in the same transaction as every write that changes it:
-- a new activity, a contact or deal changing hands (its activities' rows are recomputed).
--
-- Who may do what (as for pipeline_stage_totals, migration 0013):
--   crm_app      SELECT, only rows naming the bound user (policy). It never writes them.
--   crm_summary  (NOLOGIN, BYPASSRLS) owns the trigger functions: a rep's activity must also be listed for
--                the deal's creator, whom the rep may not see. Reads the ownership columns, writes the rows.
CREATE TABLE "activity_owners" (
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "activity_owners_key" UNIQUE("tenant_id","activity_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "activity_owners" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "activity_owners" ADD CONSTRAINT "activity_owners_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_owners" ADD CONSTRAINT "activity_owners_activity_fk" FOREIGN KEY ("tenant_id","activity_id") REFERENCES "public"."activities"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_owners_user_recent_idx" ON "activity_owners" USING btree ("tenant_id","user_id","occurred_at" DESC NULLS LAST,"activity_id" DESC NULLS LAST);--> statement-breakpoint
CREATE POLICY "activity owners are visible to their user" ON "activity_owners" AS PERMISSIVE FOR SELECT TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid);--> statement-breakpoint
ALTER TABLE activity_owners FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT ON activity_owners TO crm_app;--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON activity_owners TO crm_summary;--> statement-breakpoint
GRANT SELECT (tenant_id, id, contact_id, deal_id, occurred_at) ON activities TO crm_summary;--> statement-breakpoint
GRANT SELECT (tenant_id, id, assigned_user_id, created_by) ON contacts TO crm_summary;--> statement-breakpoint
GRANT SELECT (id) ON deals TO crm_summary;--> statement-breakpoint

-- The one definition of an activity's owners: who is assigned to or created its contact and its deal, as
-- they are now. Recomputes the rows of the given activities of one tenant (delete, then insert).
CREATE FUNCTION refresh_activity_owners(tenant uuid, activity_ids uuid[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  DELETE FROM activity_owners o WHERE o.tenant_id = tenant AND o.activity_id = ANY (activity_ids);
  INSERT INTO activity_owners (tenant_id, user_id, activity_id, occurred_at)
  SELECT DISTINCT a.tenant_id, u.user_id, a.id, a.occurred_at
    FROM activities a
    JOIN contacts c ON c.tenant_id = a.tenant_id AND c.id = a.contact_id
    LEFT JOIN deals d ON d.tenant_id = a.tenant_id AND d.id = a.deal_id
   CROSS JOIN LATERAL (VALUES (c.assigned_user_id), (c.created_by), (d.assigned_user_id), (d.created_by)) AS u(user_id)
   WHERE a.tenant_id = tenant AND a.id = ANY (activity_ids) AND u.user_id IS NOT NULL;
END
$$;--> statement-breakpoint

-- New activities: one call per statement and tenant (a bulk insert is one refresh).
CREATE FUNCTION activity_owners_follow_activities() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  tenant uuid;
  ids uuid[];
BEGIN
  FOR tenant, ids IN SELECT n.tenant_id, array_agg(n.id) FROM new_rows n GROUP BY n.tenant_id LOOP
    PERFORM refresh_activity_owners(tenant, ids);
  END LOOP;
  RETURN NULL;
END
$$;--> statement-breakpoint

-- A contact or deal changing hands: its activities' rows are recomputed (row trigger, only when the
-- owner or creator changed, so other edits cost nothing).
CREATE FUNCTION activity_owners_follow_records() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_TABLE_NAME = 'contacts' THEN
    SELECT array_agg(a.id) INTO ids FROM activities a WHERE a.tenant_id = NEW.tenant_id AND a.contact_id = NEW.id;
  ELSE
    SELECT array_agg(a.id) INTO ids FROM activities a WHERE a.tenant_id = NEW.tenant_id AND a.deal_id = NEW.id;
  END IF;
  IF ids IS NOT NULL THEN
    PERFORM refresh_activity_owners(NEW.tenant_id, ids);
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint

-- Backfill and bulk loads (the generator skips the triggers): one tenant, or all with NULL.
CREATE FUNCTION rebuild_activity_owners(tenant uuid DEFAULT NULL) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  t uuid;
  ids uuid[];
BEGIN
  FOR t, ids IN SELECT a.tenant_id, array_agg(a.id) FROM activities a
                 WHERE tenant IS NULL OR a.tenant_id = tenant GROUP BY a.tenant_id LOOP
    PERFORM refresh_activity_owners(t, ids);
  END LOOP;
END
$$;--> statement-breakpoint

CREATE TRIGGER activity_owners_on_insert AFTER INSERT ON activities
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION activity_owners_follow_activities();--> statement-breakpoint
CREATE TRIGGER activity_owners_on_contact_owner AFTER UPDATE OF assigned_user_id, created_by ON contacts
  FOR EACH ROW WHEN (OLD.assigned_user_id IS DISTINCT FROM NEW.assigned_user_id
    OR OLD.created_by IS DISTINCT FROM NEW.created_by)
  EXECUTE FUNCTION activity_owners_follow_records();--> statement-breakpoint
CREATE TRIGGER activity_owners_on_deal_owner AFTER UPDATE OF assigned_user_id, created_by ON deals
  FOR EACH ROW WHEN (OLD.assigned_user_id IS DISTINCT FROM NEW.assigned_user_id
    OR OLD.created_by IS DISTINCT FROM NEW.created_by)
  EXECUTE FUNCTION activity_owners_follow_records();--> statement-breakpoint

-- Only their owner calls them (and the migrating role, a member): not crm_app, whose only path to the rows
-- is writing activities, contacts and deals.
REVOKE ALL ON FUNCTION refresh_activity_owners(uuid, uuid[]), activity_owners_follow_activities(),
  activity_owners_follow_records(), rebuild_activity_owners(uuid) FROM PUBLIC;--> statement-breakpoint
GRANT CREATE ON SCHEMA public TO crm_summary;--> statement-breakpoint
ALTER FUNCTION refresh_activity_owners(uuid, uuid[]) OWNER TO crm_summary;--> statement-breakpoint
ALTER FUNCTION activity_owners_follow_activities() OWNER TO crm_summary;--> statement-breakpoint
ALTER FUNCTION activity_owners_follow_records() OWNER TO crm_summary;--> statement-breakpoint
ALTER FUNCTION rebuild_activity_owners(uuid) OWNER TO crm_summary;--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM crm_summary;--> statement-breakpoint

COMMENT ON FUNCTION refresh_activity_owners(uuid, uuid[]) IS
  'Recomputes activity_owners (ADR 0102) of the given activities of one tenant from their contact and deal.';--> statement-breakpoint
COMMENT ON FUNCTION rebuild_activity_owners(uuid) IS
  'Recomputes activity_owners of one tenant (or all, NULL): backfill, bulk loads, repair.';--> statement-breakpoint
COMMENT ON POLICY "activity owners are visible to their user" ON "activity_owners" IS 'Each user reads only the rows naming them (a rep finds their own activities); the activities are then read under their own policy. Written only by the triggers on activities, contacts and deals (crm_summary, migration 0024).';--> statement-breakpoint

-- Backfill the activities that exist now.
SELECT rebuild_activity_owners();
