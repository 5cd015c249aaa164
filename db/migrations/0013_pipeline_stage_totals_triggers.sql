-- Pipeline stage totals (ADR 0105): kept by statement triggers on deals, in the same transaction as every
-- deal write (insert, update of any column, soft delete, hard delete / tenant purge), so the pipeline
-- summary reads them instead of aggregating a process's deals per request.
--
-- Who may do what:
--   crm_app      SELECT, rows by the policy of migration 0012 (the deals policy, mirrored). It never writes
--                totals: a write would have to go through deals, whose policies already decided it.
--   crm_summary  NOLOGIN, BYPASSRLS, owns the trigger function and the rebuild function and nothing else;
--                reads and writes pipeline_stage_totals and reads the deal columns a total depends on.
--                A rep's move must update the row counting a deal's creator too, which the rep may not see:
--                hence a definer role. Nobody logs in as it; crm_app is not a member.
--   the owner    (the migrating role) calls rebuild_pipeline_stage_totals for backfills and bulk loads.

-- 1. RLS forced like every table (migration 0002 forced the tables that existed then).
ALTER TABLE pipeline_stage_totals FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT ON pipeline_stage_totals TO crm_app;--> statement-breakpoint

-- 2. The definer role. Roles are cluster-wide, so this is idempotent (see roles_and_extensions).
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'crm_summary') THEN
    CREATE ROLE crm_summary NOLOGIN NOSUPERUSER BYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
  -- The migrating role must be able to SET ROLE crm_summary to hand it the functions (ALTER … OWNER).
  IF NOT pg_has_role(current_user, 'crm_summary', 'MEMBER') THEN
    EXECUTE format('GRANT crm_summary TO %I', current_user);
  END IF;
END
$$;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON pipeline_stage_totals TO crm_summary;--> statement-breakpoint
GRANT SELECT (tenant_id, process_id, stage_id, status, assigned_user_id, created_by, amount, probability,
  deleted_at) ON deals TO crm_summary;--> statement-breakpoint

-- 3. Which rows count a live deal: the row of its owner (NULL: unowned) and, when someone else created it,
-- the creator's row. The one definition the trigger and the rebuild share (no SET clause and no table:
-- the planner inlines it).
CREATE FUNCTION pipeline_stage_holders(assigned_user_id uuid, created_by uuid)
RETURNS TABLE (by_creator boolean, user_id uuid)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT false, assigned_user_id
  UNION ALL
  SELECT true, created_by WHERE created_by IS NOT NULL AND created_by IS DISTINCT FROM assigned_user_id
$$;--> statement-breakpoint

-- 4. The trigger: one call per statement with its transition tables. Old live rows count -1, new live rows
-- +1, each in the row of its owner and, when someone else created it, of its creator (one delta per row
-- of pipeline_stage_delta). Deltas are summed per key, keys whose net change is nil are dropped (an edit of a
-- deal's notes touches no total and takes no lock), and the rest are upserted in key order, so two
-- statements touching the same rows lock them in the same order and cannot deadlock each other. A key
-- losing deals always has a row, except while a tenant purge cascades: its rows may already be gone, and
-- there is nothing to keep. plan_cache_mode: the statements are the same every call; a custom plan per
-- call cost more than the upsert itself (measured, ADR 0105).
CREATE TYPE pipeline_stage_delta AS (
  tenant_id uuid, process_id uuid, stage_id uuid, status deal_status, by_creator boolean, user_id uuid,
  deals integer, amount numeric, weighted numeric
);--> statement-breakpoint
CREATE FUNCTION pipeline_stage_totals_follow_deals() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
  deltas pipeline_stage_delta[] := '{}';
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    deltas := deltas || ARRAY(
      SELECT ROW(o.tenant_id, o.process_id, o.stage_id, o.status, h.by_creator, h.user_id,
                 -1, -o.amount, -o.amount * o.probability)::pipeline_stage_delta
        FROM old_rows o CROSS JOIN LATERAL pipeline_stage_holders(o.assigned_user_id, o.created_by) h
       WHERE o.deleted_at IS NULL);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    deltas := deltas || ARRAY(
      SELECT ROW(n.tenant_id, n.process_id, n.stage_id, n.status, h.by_creator, h.user_id,
                 1, n.amount, n.amount * n.probability)::pipeline_stage_delta
        FROM new_rows n CROSS JOIN LATERAL pipeline_stage_holders(n.assigned_user_id, n.created_by) h
       WHERE n.deleted_at IS NULL);
  END IF;
  IF cardinality(deltas) = 0 THEN
    RETURN NULL;
  END IF;
  INSERT INTO pipeline_stage_totals AS t
    (tenant_id, process_id, stage_id, status, by_creator, user_id, deal_count, amount_total, weighted_total)
  SELECT d.tenant_id, d.process_id, d.stage_id, d.status, d.by_creator, d.user_id,
         sum(d.deals), sum(d.amount), sum(d.weighted)
    FROM unnest(deltas) d
   GROUP BY d.tenant_id, d.process_id, d.stage_id, d.status, d.by_creator, d.user_id
  HAVING (sum(d.deals) <> 0 OR sum(d.amount) <> 0 OR sum(d.weighted) <> 0)
     AND (sum(d.deals) > 0 OR EXISTS (SELECT 1 FROM pipeline_stage_totals x
           WHERE x.tenant_id = d.tenant_id AND x.process_id = d.process_id AND x.stage_id = d.stage_id
             AND x.status = d.status AND x.by_creator = d.by_creator AND x.user_id IS NOT DISTINCT FROM d.user_id))
   ORDER BY d.tenant_id, d.process_id, d.stage_id, d.status, d.by_creator, d.user_id
  ON CONFLICT ON CONSTRAINT pipeline_stage_totals_key DO UPDATE
    SET deal_count = t.deal_count + excluded.deal_count,
        amount_total = t.amount_total + excluded.amount_total,
        weighted_total = t.weighted_total + excluded.weighted_total;
  RETURN NULL;
END
$$;--> statement-breakpoint

-- Transition tables allow one event per trigger, hence three triggers on one function.
CREATE TRIGGER pipeline_stage_totals_on_insert AFTER INSERT ON deals
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pipeline_stage_totals_follow_deals();--> statement-breakpoint
CREATE TRIGGER pipeline_stage_totals_on_update AFTER UPDATE ON deals
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pipeline_stage_totals_follow_deals();--> statement-breakpoint
CREATE TRIGGER pipeline_stage_totals_on_delete AFTER DELETE ON deals
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pipeline_stage_totals_follow_deals();--> statement-breakpoint

-- 5. From scratch, for one tenant or (NULL) all: the backfill below, bulk loads that bypass the triggers
-- (db/seed/generate), and repair. Run it while the tenant's deals are quiet: it replaces the rows.
CREATE FUNCTION rebuild_pipeline_stage_totals(tenant uuid DEFAULT NULL) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
SET plan_cache_mode = force_custom_plan
AS $$
DECLARE
  written integer;
BEGIN
  DELETE FROM pipeline_stage_totals WHERE tenant IS NULL OR tenant_id = tenant;
  INSERT INTO pipeline_stage_totals
    (tenant_id, process_id, stage_id, status, by_creator, user_id, deal_count, amount_total, weighted_total)
  SELECT d.tenant_id, d.process_id, d.stage_id, d.status, h.by_creator, h.user_id,
         count(*), sum(d.amount), sum(d.amount * d.probability)
    FROM deals d
   CROSS JOIN LATERAL pipeline_stage_holders(d.assigned_user_id, d.created_by) h
   WHERE (tenant IS NULL OR d.tenant_id = tenant) AND d.deleted_at IS NULL
   GROUP BY d.tenant_id, d.process_id, d.stage_id, d.status, h.by_creator, h.user_id;
  GET DIAGNOSTICS written = ROW_COUNT;
  RETURN written;
END
$$;--> statement-breakpoint

-- 6. Nobody calls these directly but their owner (and so the migrating role, a member): not crm_app, whose
-- only path to the totals is writing deals.
REVOKE ALL ON FUNCTION pipeline_stage_totals_follow_deals(), rebuild_pipeline_stage_totals(uuid) FROM PUBLIC;--> statement-breakpoint

-- 7. Hand them to crm_summary. A new owner needs CREATE on the schema (unless a superuser migrates), so
-- crm_summary holds it only for these statements; it must not create objects later.
GRANT CREATE ON SCHEMA public TO crm_summary;--> statement-breakpoint
ALTER FUNCTION pipeline_stage_totals_follow_deals() OWNER TO crm_summary;--> statement-breakpoint
ALTER FUNCTION rebuild_pipeline_stage_totals(uuid) OWNER TO crm_summary;--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM crm_summary;--> statement-breakpoint

COMMENT ON FUNCTION pipeline_stage_totals_follow_deals() IS
  'Keeps pipeline_stage_totals (ADR 0105) equal to the live deals, per statement on deals, in key order.';--> statement-breakpoint
COMMENT ON FUNCTION rebuild_pipeline_stage_totals(uuid) IS
  'Recomputes pipeline_stage_totals of one tenant (or all, NULL) from its live deals: backfill, bulk loads, repair.';--> statement-breakpoint
COMMENT ON POLICY "pipeline stage totals are visible to tenant leads or their user" ON "pipeline_stage_totals" IS 'Mirrors the deals policy, so summing the visible rows gives exactly the deals the caller sees: admins and managers read the by-owner rows of the whole tenant, anyone else (reps) only the rows counting deals assigned to or created by them. Written only by the deals triggers (crm_summary).';--> statement-breakpoint

-- 8. Backfill: the deals that exist now (the triggers above already hold the lock that keeps deal writes
-- out until this migration commits). Runs as crm_summary, so a non-superuser owner under FORCE sees them.
SELECT rebuild_pipeline_stage_totals();
