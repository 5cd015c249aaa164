CREATE TABLE "deal_close_totals" (
	"tenant_id" uuid NOT NULL,
	"process_id" uuid NOT NULL,
	"month" date NOT NULL,
	"status" "deal_status" NOT NULL,
	"user_id" uuid,
	"deal_count" integer DEFAULT 0 NOT NULL,
	"amount_total" numeric(20, 2) DEFAULT '0' NOT NULL,
	"close_seconds" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "deal_close_totals_key" UNIQUE NULLS NOT DISTINCT("tenant_id","process_id","month","status","user_id"),
	CONSTRAINT "deal_close_totals_closed_only" CHECK ("deal_close_totals"."status" <> 'open')
);
--> statement-breakpoint
ALTER TABLE "deal_close_totals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "deal_close_totals" ADD CONSTRAINT "deal_close_totals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_close_totals" ADD CONSTRAINT "deal_close_totals_process_fk" FOREIGN KEY ("tenant_id","process_id") REFERENCES "public"."sales_processes"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deal_close_totals_month_idx" ON "deal_close_totals" USING btree ("tenant_id","month");--> statement-breakpoint
CREATE INDEX "deal_close_totals_owner_month_idx" ON "deal_close_totals" USING btree ("tenant_id","user_id","month");--> statement-breakpoint
CREATE POLICY "deal close totals are visible to tenant leads or their owner" ON "deal_close_totals" AS PERMISSIVE FOR SELECT TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '') in ('admin', 'manager')) or user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid));--> statement-breakpoint
-- Custom part (not tracked by drizzle-kit). Deal close totals (ADR 0170), kept like pipeline_stage_totals
-- (migration 0013): statement triggers on deals, one function owned by crm_summary (which may read the deal
-- columns a total depends on and the workspace's time zone), a rebuild for backfills, bulk loads and a
-- change of the workspace's time zone. crm_app only reads, through the policy above.
ALTER TABLE deal_close_totals FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT ON deal_close_totals TO crm_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON deal_close_totals TO crm_summary;--> statement-breakpoint
GRANT SELECT (closed_at, created_at, final_amount) ON deals TO crm_summary;--> statement-breakpoint
GRANT SELECT (id, timezone) ON tenants TO crm_summary;--> statement-breakpoint

-- The month a deal closed in, in its workspace's zone: the one definition the trigger and the rebuild share.
CREATE FUNCTION deal_close_month(closed_at timestamptz, zone text) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT date_trunc('month', closed_at AT TIME ZONE zone)::date $$;--> statement-breakpoint

-- One call per statement with its transition tables: old closed live rows count -1, new ones +1, summed per
-- key, nil changes dropped (editing an open deal touches no row and takes no lock), upserted in key order
-- (no deadlock between two statements). A closed deal's amount is its final amount (F11.9).
CREATE TYPE deal_close_delta AS (
  tenant_id uuid, process_id uuid, month date, status deal_status, user_id uuid,
  deals integer, amount numeric, seconds bigint
);--> statement-breakpoint
CREATE FUNCTION deal_close_totals_follow_deals() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
  deltas deal_close_delta[] := '{}';
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    deltas := deltas || ARRAY(
      SELECT ROW(o.tenant_id, o.process_id, deal_close_month(o.closed_at, t.timezone), o.status,
                 o.assigned_user_id, -1, -coalesce(o.final_amount, o.amount),
                 -greatest(0, extract(epoch FROM o.closed_at - o.created_at))::bigint)::deal_close_delta
        FROM old_rows o JOIN tenants t ON t.id = o.tenant_id
       WHERE o.deleted_at IS NULL AND o.status <> 'open');
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    deltas := deltas || ARRAY(
      SELECT ROW(n.tenant_id, n.process_id, deal_close_month(n.closed_at, t.timezone), n.status,
                 n.assigned_user_id, 1, coalesce(n.final_amount, n.amount),
                 greatest(0, extract(epoch FROM n.closed_at - n.created_at))::bigint)::deal_close_delta
        FROM new_rows n JOIN tenants t ON t.id = n.tenant_id
       WHERE n.deleted_at IS NULL AND n.status <> 'open');
  END IF;
  IF cardinality(deltas) = 0 THEN
    RETURN NULL;
  END IF;
  INSERT INTO deal_close_totals AS t
    (tenant_id, process_id, month, status, user_id, deal_count, amount_total, close_seconds)
  SELECT d.tenant_id, d.process_id, d.month, d.status, d.user_id, sum(d.deals), sum(d.amount), sum(d.seconds)
    FROM unnest(deltas) d
   GROUP BY d.tenant_id, d.process_id, d.month, d.status, d.user_id
  HAVING (sum(d.deals) <> 0 OR sum(d.amount) <> 0 OR sum(d.seconds) <> 0)
     AND (sum(d.deals) > 0 OR EXISTS (SELECT 1 FROM deal_close_totals x
           WHERE x.tenant_id = d.tenant_id AND x.process_id = d.process_id AND x.month = d.month
             AND x.status = d.status AND x.user_id IS NOT DISTINCT FROM d.user_id))
   ORDER BY d.tenant_id, d.process_id, d.month, d.status, d.user_id
  ON CONFLICT ON CONSTRAINT deal_close_totals_key DO UPDATE
    SET deal_count = t.deal_count + excluded.deal_count,
        amount_total = t.amount_total + excluded.amount_total,
        close_seconds = t.close_seconds + excluded.close_seconds;
  RETURN NULL;
END
$$;--> statement-breakpoint

CREATE TRIGGER deal_close_totals_on_insert AFTER INSERT ON deals
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION deal_close_totals_follow_deals();--> statement-breakpoint
CREATE TRIGGER deal_close_totals_on_update AFTER UPDATE ON deals
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION deal_close_totals_follow_deals();--> statement-breakpoint
CREATE TRIGGER deal_close_totals_on_delete AFTER DELETE ON deals
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION deal_close_totals_follow_deals();--> statement-breakpoint

-- From scratch, for one tenant or (NULL) all: the backfill below, bulk loads that bypass the triggers
-- (db/seed/generate), repair, and a change of the workspace's time zone (which moves month boundaries).
CREATE FUNCTION rebuild_deal_close_totals(tenant uuid DEFAULT NULL) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
SET plan_cache_mode = force_custom_plan
AS $$
DECLARE
  written integer;
BEGIN
  DELETE FROM deal_close_totals WHERE tenant IS NULL OR tenant_id = tenant;
  INSERT INTO deal_close_totals
    (tenant_id, process_id, month, status, user_id, deal_count, amount_total, close_seconds)
  SELECT d.tenant_id, d.process_id, deal_close_month(d.closed_at, t.timezone), d.status, d.assigned_user_id,
         count(*), sum(coalesce(d.final_amount, d.amount)),
         sum(greatest(0, extract(epoch FROM d.closed_at - d.created_at))::bigint)
    FROM deals d JOIN tenants t ON t.id = d.tenant_id
   WHERE (tenant IS NULL OR d.tenant_id = tenant) AND d.deleted_at IS NULL AND d.status <> 'open'
   GROUP BY 1, 2, 3, 4, 5;
  GET DIAGNOSTICS written = ROW_COUNT;
  RETURN written;
END
$$;--> statement-breakpoint

-- The workspace's time zone decides the months: a change rebuilds that tenant's rows in the same
-- transaction (an admin's rare act; it reads the tenant's closed deals once).
CREATE FUNCTION deal_close_totals_follow_zone() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  PERFORM rebuild_deal_close_totals(NEW.id);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER deal_close_totals_on_zone AFTER UPDATE OF timezone ON tenants
  FOR EACH ROW WHEN (OLD.timezone IS DISTINCT FROM NEW.timezone)
  EXECUTE FUNCTION deal_close_totals_follow_zone();--> statement-breakpoint

REVOKE ALL ON FUNCTION deal_close_totals_follow_deals(), rebuild_deal_close_totals(uuid),
  deal_close_totals_follow_zone() FROM PUBLIC;--> statement-breakpoint
GRANT CREATE ON SCHEMA public TO crm_summary;--> statement-breakpoint
ALTER FUNCTION deal_close_totals_follow_deals() OWNER TO crm_summary;--> statement-breakpoint
ALTER FUNCTION rebuild_deal_close_totals(uuid) OWNER TO crm_summary;--> statement-breakpoint
ALTER FUNCTION deal_close_totals_follow_zone() OWNER TO crm_summary;--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM crm_summary;--> statement-breakpoint

COMMENT ON FUNCTION deal_close_totals_follow_deals() IS
  'Keeps deal_close_totals (ADR 0170) equal to the live closed deals, per statement on deals, in key order.';--> statement-breakpoint
COMMENT ON FUNCTION rebuild_deal_close_totals(uuid) IS
  'Recomputes deal_close_totals of one tenant (or all, NULL) from its live closed deals: backfill, bulk loads, zone change, repair.';--> statement-breakpoint
COMMENT ON POLICY "deal close totals are visible to tenant leads or their owner" ON "deal_close_totals" IS 'Insight per owner: admins and managers read every owner row of the tenant, a rep only the rows of deals assigned to them (their own results). Written only by the deals triggers (crm_summary).';--> statement-breakpoint

SELECT rebuild_deal_close_totals();
