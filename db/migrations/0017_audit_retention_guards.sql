-- F14.4: audit entries outlive a purged workspace for 12 months in audit_log_archive (migration 0016), a
-- platform table: only crm_platform (the purge and the scheduled job) may read or write it; crm_app has no
-- grant, and RLS is forced with no policy, so even a stray grant would show nothing.
ALTER TABLE audit_log_archive FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON audit_log_archive TO crm_platform;--> statement-breakpoint
-- Append-only like audit_log: DELETE only by a retention purge (app.purge = 'on', not crm_app).
CREATE TRIGGER refuse_append_only_change BEFORE UPDATE OR DELETE ON audit_log_archive
  FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();--> statement-breakpoint

-- TRUNCATE fires no row triggers, so the append-only guard never saw it: refuse it outright on every
-- append-only table, for everyone, the owner included (a TRUNCATE ... CASCADE from tenants stops here too).
CREATE FUNCTION refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: TRUNCATE refused', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE TRIGGER refuse_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();--> statement-breakpoint
CREATE TRIGGER refuse_truncate BEFORE TRUNCATE ON platform_audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();--> statement-breakpoint
CREATE TRIGGER refuse_truncate BEFORE TRUNCATE ON audit_log_archive
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();--> statement-breakpoint
CREATE TRIGGER refuse_truncate BEFORE TRUNCATE ON deal_stage_history
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();--> statement-breakpoint
CREATE TRIGGER refuse_truncate BEFORE TRUNCATE ON product_price_history
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();--> statement-breakpoint
CREATE TRIGGER refuse_truncate BEFORE TRUNCATE ON activities
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
