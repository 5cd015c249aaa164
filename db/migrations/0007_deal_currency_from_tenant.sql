-- A workspace has one currency (tenants.currency); its deals are always in it. The column default 'USD'
-- would silently mislabel deals of a EUR workspace, so the database fills it from the tenant on insert.
-- Runs as the inserting role: under crm_app the tenant row is visible through its own RLS policy.
CREATE OR REPLACE FUNCTION deals_currency_from_tenant() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.currency := COALESCE((SELECT t.currency FROM tenants t WHERE t.id = NEW.tenant_id), NEW.currency);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER deals_currency_from_tenant BEFORE INSERT ON deals
  FOR EACH ROW EXECUTE FUNCTION deals_currency_from_tenant();
--> statement-breakpoint
-- Deals written before this migration take their workspace's currency too.
UPDATE deals d SET currency = t.currency FROM tenants t WHERE t.id = d.tenant_id AND d.currency <> t.currency;
