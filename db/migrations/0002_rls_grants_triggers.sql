-- Row level security, grants and the triggers that keep invariants in the database.
-- Who may do what, in one place:
--   crm_app      (withTenant) tenant data through the policies declared beside each table; no BYPASSRLS,
--                owns nothing, and only the privileges granted below.
--   crm_platform (withPlatform) BYPASSRLS, but only the tables platform flows touch: identity, sessions and
--                tokens, tenant lifecycle and provisioning, the platform audit log, the outbox, rate limits.
--   the owner    (the migrating role) owns every table; FORCE makes RLS apply to it too unless superuser.

-- 1. RLS on every table, enabled and forced. Tables without a crm_app policy deny crm_app everything.
DO $$
DECLARE t record;
BEGIN
  FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relkind = 'r'
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.relname);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t.relname);
  END LOOP;
END
$$;--> statement-breakpoint

-- 2. crm_app grants. Business records are soft-deleted (deleted_at), so they get no DELETE; history,
-- audit and activities are append-only (SELECT, INSERT; activities may only set deleted_at/archived_at).
GRANT SELECT ON tenants TO crm_app;--> statement-breakpoint
GRANT UPDATE (company_name, logo_url, industry, timezone, currency, retention_days) ON tenants TO crm_app;--> statement-breakpoint
GRANT SELECT, INSERT ON users TO crm_app;--> statement-breakpoint
GRANT UPDATE (name, avatar_url, department, phone, role, status, deactivated_at, password_hash, email,
  email_verified_at, last_login_at) ON users TO crm_app;--> statement-breakpoint
GRANT SELECT, DELETE ON sessions TO crm_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON invitations TO crm_app;--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON api_tokens TO crm_app;--> statement-breakpoint
GRANT UPDATE (name, revoked_at) ON api_tokens TO crm_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON sales_processes, process_stages TO crm_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON organizations, contacts, deals, deal_line_items TO crm_app;--> statement-breakpoint
GRANT SELECT, INSERT ON deal_stage_history TO crm_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON products, pricing_blueprints TO crm_app;--> statement-breakpoint
GRANT SELECT, INSERT ON product_price_history TO crm_app;--> statement-breakpoint
GRANT SELECT, INSERT ON activities TO crm_app;--> statement-breakpoint
GRANT UPDATE (deleted_at, archived_at) ON activities TO crm_app;--> statement-breakpoint
GRANT SELECT, INSERT ON audit_log TO crm_app;--> statement-breakpoint
GRANT SELECT, INSERT ON email_outbox TO crm_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON custom_field_definitions TO crm_app;--> statement-breakpoint
-- Nothing on password_reset_tokens, email_verification_tokens, step_up_codes, platform_audit_log,
-- rate_limit_counters: those are platform-only.

-- 3. crm_platform grants: signup, login lookup, session validation, resets, step-up codes, bearer-token
-- lookup, activation and provisioning, suspension and purge, the platform console, email dispatch, rate
-- limiting. It reads CRM data only where provisioning writes it.
GRANT SELECT, INSERT, UPDATE, DELETE ON tenants, users, sessions, password_reset_tokens,
  email_verification_tokens, step_up_codes, email_outbox, rate_limit_counters TO crm_platform;--> statement-breakpoint
GRANT SELECT ON api_tokens TO crm_platform;--> statement-breakpoint
GRANT UPDATE (last_used_at, revoked_at) ON api_tokens TO crm_platform;--> statement-breakpoint
GRANT SELECT, INSERT ON sales_processes, process_stages, products, pricing_blueprints TO crm_platform;--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON audit_log, platform_audit_log TO crm_platform;--> statement-breakpoint

-- 4. updated_at / updated_by on every record with those columns: the bound user, or NULL for system work
-- (unless the statement set updated_by itself).
CREATE OR REPLACE FUNCTION set_updated_columns() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE actor uuid := nullif(current_setting('app.current_user_id', true), '')::uuid;
BEGIN
  NEW.updated_at := now();
  IF actor IS NOT NULL THEN
    NEW.updated_by := actor;
  ELSIF NEW.updated_by IS NOT DISTINCT FROM OLD.updated_by THEN
    NEW.updated_by := NULL;
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
DO $$
DECLARE t record;
BEGIN
  FOR t IN SELECT c.table_name FROM information_schema.columns c
           JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
           WHERE c.table_schema = 'public' AND c.column_name = 'updated_at' AND tb.table_type = 'BASE TABLE'
  LOOP
    EXECUTE format('CREATE TRIGGER set_updated_columns BEFORE UPDATE ON %I
      FOR EACH ROW EXECUTE FUNCTION set_updated_columns()', t.table_name);
  END LOOP;
END
$$;--> statement-breakpoint

-- 5. Append-only tables: UPDATE and DELETE are refused for everyone, the owner included. The one exception
-- is a retention purge (tenant hard-delete after its retention period, audit older than the legal minimum):
-- a role other than crm_app that sets app.purge = 'on' in its transaction may DELETE.
CREATE OR REPLACE FUNCTION refuse_append_only_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('app.purge', true) = 'on' AND current_user <> 'crm_app' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE TRIGGER refuse_append_only_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();--> statement-breakpoint
CREATE TRIGGER refuse_append_only_change BEFORE UPDATE OR DELETE ON platform_audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();--> statement-breakpoint
CREATE TRIGGER refuse_append_only_change BEFORE UPDATE OR DELETE ON deal_stage_history
  FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();--> statement-breakpoint
CREATE TRIGGER refuse_append_only_change BEFORE UPDATE OR DELETE ON product_price_history
  FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();--> statement-breakpoint
CREATE TRIGGER refuse_append_only_change BEFORE DELETE ON activities
  FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();--> statement-breakpoint

-- 6. Activities are immutable (F10.4): an UPDATE may only stamp deleted_at or archived_at, once.
-- The column grant above stops crm_app naming other columns; this also binds every other role.
CREATE OR REPLACE FUNCTION guard_activity_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE mutable text[] := ARRAY['deleted_at', 'archived_at', 'updated_at', 'updated_by'];
BEGIN
  IF (to_jsonb(NEW) - mutable) IS DISTINCT FROM (to_jsonb(OLD) - mutable) THEN
    RAISE EXCEPTION 'activities are immutable: only deleted_at and archived_at may be set'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS DISTINCT FROM OLD.deleted_at)
     OR (OLD.archived_at IS NOT NULL AND NEW.archived_at IS DISTINCT FROM OLD.archived_at) THEN
    RAISE EXCEPTION 'activities: deleted_at and archived_at are set once' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER guard_activity_update BEFORE UPDATE ON activities
  FOR EACH ROW EXECUTE FUNCTION guard_activity_update();--> statement-breakpoint

-- 7. Users: through crm_app, nobody becomes a platform admin, and only a tenant admin changes a role or a
-- status (deactivation). Column grants already keep tenant_id, contract and request fields out of reach.
CREATE OR REPLACE FUNCTION guard_user_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_user <> 'crm_app' THEN
    RETURN NEW;
  END IF;
  IF NEW.is_platform_admin THEN
    RAISE EXCEPTION 'users: is_platform_admin is set by the platform only' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'UPDATE' AND (NEW.role IS DISTINCT FROM OLD.role OR NEW.status IS DISTINCT FROM OLD.status)
     AND (SELECT nullif(current_setting('app.current_role', true), '')) IS DISTINCT FROM 'admin' THEN
    RAISE EXCEPTION 'users: only a tenant admin changes role or status' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER guard_user_write BEFORE INSERT OR UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION guard_user_write();--> statement-breakpoint

-- 8. Deal totals (F13.10): line_items_total is always the sum of the deal's live line items, and amount
-- follows it while the deal has any. Every write to deals recomputes both (so a direct UPDATE cannot
-- break them) and every write to deal_line_items touches its deal. Both run as the invoker, under the same
-- policies: whoever may change a line may change its deal, and sees all of the deal's lines.
CREATE OR REPLACE FUNCTION sync_deal_line_items_total() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  total numeric(14, 2);
  live integer;
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.line_items_total := 0;
    RETURN NEW;
  END IF;
  SELECT coalesce(sum(extended_price), 0), count(*) INTO total, live
    FROM deal_line_items
   WHERE tenant_id = NEW.tenant_id AND deal_id = NEW.id AND deleted_at IS NULL;
  NEW.line_items_total := total;
  IF live > 0 THEN
    NEW.amount := total;
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER sync_deal_line_items_total BEFORE INSERT OR UPDATE ON deals
  FOR EACH ROW EXECUTE FUNCTION sync_deal_line_items_total();--> statement-breakpoint
CREATE OR REPLACE FUNCTION touch_deal_of_line_item() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE deals SET line_items_total = line_items_total WHERE tenant_id = OLD.tenant_id AND id = OLD.deal_id;
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.deal_id IS DISTINCT FROM OLD.deal_id) THEN
    UPDATE deals SET line_items_total = line_items_total WHERE tenant_id = NEW.tenant_id AND id = NEW.deal_id;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER touch_deal_of_line_item AFTER INSERT OR UPDATE OR DELETE ON deal_line_items
  FOR EACH ROW EXECUTE FUNCTION touch_deal_of_line_item();--> statement-breakpoint

-- 9. Each policy says who may do what and why (generated from db/schema by db/scripts/policy-comments.ts).
COMMENT ON POLICY "activities are visible to those who see the contact or deal" ON "activities" IS 'Activities follow their contact or deal (EXISTS under those policies): reps see the timeline of their own records. UPDATE is limited to deleted_at/archived_at.';--> statement-breakpoint
COMMENT ON POLICY "activities are created by those who see the contact or deal" ON "activities" IS 'Activities follow their contact or deal (EXISTS under those policies): reps see the timeline of their own records. UPDATE is limited to deleted_at/archived_at.';--> statement-breakpoint
COMMENT ON POLICY "activities are changed by those who see the contact or deal" ON "activities" IS 'Activities follow their contact or deal (EXISTS under those policies): reps see the timeline of their own records. UPDATE is limited to deleted_at/archived_at.';--> statement-breakpoint
COMMENT ON POLICY "api tokens are visible to their owner or tenant admins" ON "api_tokens" IS 'A member lists and revokes their own tokens; admins can revoke anyone’s. Bearer lookup is a platform flow.';--> statement-breakpoint
COMMENT ON POLICY "api tokens are changed by their owner or tenant admins" ON "api_tokens" IS 'A member lists and revokes their own tokens; admins can revoke anyone’s. Bearer lookup is a platform flow.';--> statement-breakpoint
COMMENT ON POLICY "api tokens are deleted by their owner or tenant admins" ON "api_tokens" IS 'A member lists and revokes their own tokens; admins can revoke anyone’s. Bearer lookup is a platform flow.';--> statement-breakpoint
COMMENT ON POLICY "api tokens are created by their owner" ON "api_tokens" IS 'A token carries its creator’s identity, so only the user themself may mint one.';--> statement-breakpoint
COMMENT ON POLICY "audit entries are visible to tenant admins and their actor" ON "audit_log" IS 'Admins read their tenant’s audit log (F14.5); a member may see the entries they caused.';--> statement-breakpoint
COMMENT ON POLICY "audit entries are created by any context of their tenant" ON "audit_log" IS 'Every write in a tenant, even unauthenticated ones such as failed logins, can record itself; never for another tenant.';--> statement-breakpoint
COMMENT ON POLICY "contacts are visible to their owner and tenant leads" ON "contacts" IS 'Admins and managers see every contact of the tenant (F9.3); anyone else (reps) only contacts assigned to or created by them (F9.4). Deletion is soft (deleted_at): no DELETE grant.';--> statement-breakpoint
COMMENT ON POLICY "contacts are created by their owner and tenant leads" ON "contacts" IS 'Admins and managers see every contact of the tenant (F9.3); anyone else (reps) only contacts assigned to or created by them (F9.4). Deletion is soft (deleted_at): no DELETE grant.';--> statement-breakpoint
COMMENT ON POLICY "contacts are changed by their owner and tenant leads" ON "contacts" IS 'Admins and managers see every contact of the tenant (F9.3); anyone else (reps) only contacts assigned to or created by them (F9.4). Deletion is soft (deleted_at): no DELETE grant.';--> statement-breakpoint
COMMENT ON POLICY "custom fields are visible to members of their tenant" ON "custom_field_definitions" IS 'Every member reads the definitions to fill in records.';--> statement-breakpoint
COMMENT ON POLICY "custom fields are created by admins of their tenant" ON "custom_field_definitions" IS 'Custom fields are tenant settings: admins only.';--> statement-breakpoint
COMMENT ON POLICY "custom fields are changed by admins of their tenant" ON "custom_field_definitions" IS 'Custom fields are tenant settings: admins only.';--> statement-breakpoint
COMMENT ON POLICY "custom fields are deleted by admins of their tenant" ON "custom_field_definitions" IS 'Custom fields are tenant settings: admins only.';--> statement-breakpoint
COMMENT ON POLICY "line items are visible to those who see the deal" ON "deal_line_items" IS 'Lines follow their deal: the EXISTS runs under the deals policies, so a rep prices only their own deals (F4.1). Removal is soft (F13.8).';--> statement-breakpoint
COMMENT ON POLICY "line items are created by those who see the deal" ON "deal_line_items" IS 'Lines follow their deal: the EXISTS runs under the deals policies, so a rep prices only their own deals (F4.1). Removal is soft (F13.8).';--> statement-breakpoint
COMMENT ON POLICY "line items are changed by those who see the deal" ON "deal_line_items" IS 'Lines follow their deal: the EXISTS runs under the deals policies, so a rep prices only their own deals (F4.1). Removal is soft (F13.8).';--> statement-breakpoint
COMMENT ON POLICY "deal stage changes are visible to those who see the deal" ON "deal_stage_history" IS 'History follows its deal: the EXISTS runs under the deals policies, so reps see only their deals’ history. Append-only: no UPDATE/DELETE grant.';--> statement-breakpoint
COMMENT ON POLICY "deal stage changes are created by those who see the deal" ON "deal_stage_history" IS 'History follows its deal: the EXISTS runs under the deals policies, so reps see only their deals’ history. Append-only: no UPDATE/DELETE grant.';--> statement-breakpoint
COMMENT ON POLICY "deals are visible to their owner and tenant leads" ON "deals" IS 'Admins and managers see every deal of the tenant (F9.3); anyone else (reps) only deals assigned to or created by them (F9.4). Deletion is soft (deleted_at): no DELETE grant.';--> statement-breakpoint
COMMENT ON POLICY "deals are created by their owner and tenant leads" ON "deals" IS 'Admins and managers see every deal of the tenant (F9.3); anyone else (reps) only deals assigned to or created by them (F9.4). Deletion is soft (deleted_at): no DELETE grant.';--> statement-breakpoint
COMMENT ON POLICY "deals are changed by their owner and tenant leads" ON "deals" IS 'Admins and managers see every deal of the tenant (F9.3); anyone else (reps) only deals assigned to or created by them (F9.4). Deletion is soft (deleted_at): no DELETE grant.';--> statement-breakpoint
COMMENT ON POLICY "outgoing emails are visible to their tenant" ON "email_outbox" IS 'A tenant transaction enqueues mail for itself in the same commit as the change; root-domain mail (NULL tenant) and delivery are platform work.';--> statement-breakpoint
COMMENT ON POLICY "outgoing emails are created by their tenant" ON "email_outbox" IS 'A tenant transaction enqueues mail for itself in the same commit as the change; root-domain mail (NULL tenant) and delivery are platform work.';--> statement-breakpoint
COMMENT ON POLICY "invitations are visible to members of their tenant" ON "invitations" IS 'Acceptance happens on the tenant host before login (no user bound): looked up by token hash and marked accepted inside the tenant.';--> statement-breakpoint
COMMENT ON POLICY "invitations are changed by members of their tenant" ON "invitations" IS 'Acceptance happens on the tenant host before login (no user bound): looked up by token hash and marked accepted inside the tenant.';--> statement-breakpoint
COMMENT ON POLICY "invitations are created by admins of their tenant" ON "invitations" IS 'Only tenant admins invite (F3.1) or withdraw an invitation.';--> statement-breakpoint
COMMENT ON POLICY "invitations are deleted by admins of their tenant" ON "invitations" IS 'Only tenant admins invite (F3.1) or withdraw an invitation.';--> statement-breakpoint
COMMENT ON POLICY "organizations are visible to members of their tenant" ON "organizations" IS 'Organizations are shared by the whole tenant, reps included (F6.2); deletion is soft (deleted_at).';--> statement-breakpoint
COMMENT ON POLICY "organizations are created by members of their tenant" ON "organizations" IS 'Organizations are shared by the whole tenant, reps included (F6.2); deletion is soft (deleted_at).';--> statement-breakpoint
COMMENT ON POLICY "organizations are changed by members of their tenant" ON "organizations" IS 'Organizations are shared by the whole tenant, reps included (F6.2); deletion is soft (deleted_at).';--> statement-breakpoint
COMMENT ON POLICY "pricing blueprints are visible to members of their tenant" ON "pricing_blueprints" IS 'Every member reads pricing blueprints to price deals; the API hides inactive products from reps.';--> statement-breakpoint
COMMENT ON POLICY "pricing blueprints are created by admins of their tenant" ON "pricing_blueprints" IS 'Only admins manage pricing blueprints (F12.1, F4.1: managers read only).';--> statement-breakpoint
COMMENT ON POLICY "pricing blueprints are changed by admins of their tenant" ON "pricing_blueprints" IS 'Only admins manage pricing blueprints (F12.1, F4.1: managers read only).';--> statement-breakpoint
COMMENT ON POLICY "pricing blueprints are deleted by admins of their tenant" ON "pricing_blueprints" IS 'Only admins manage pricing blueprints (F12.1, F4.1: managers read only).';--> statement-breakpoint
COMMENT ON POLICY "process stages are visible to members of their tenant" ON "process_stages" IS 'Every member reads the tenant’s pipeline stages; deals depend on them.';--> statement-breakpoint
COMMENT ON POLICY "process stages are created by admins of their tenant" ON "process_stages" IS 'Only admins configure pipeline stages (F4.1: managers and reps have read-only access).';--> statement-breakpoint
COMMENT ON POLICY "process stages are changed by admins of their tenant" ON "process_stages" IS 'Only admins configure pipeline stages (F4.1: managers and reps have read-only access).';--> statement-breakpoint
COMMENT ON POLICY "process stages are deleted by admins of their tenant" ON "process_stages" IS 'Only admins configure pipeline stages (F4.1: managers and reps have read-only access).';--> statement-breakpoint
COMMENT ON POLICY "price history are visible to tenant admins and managers" ON "product_price_history" IS 'Price history shows costs: admins and managers read it (F12.5). Append-only: no UPDATE/DELETE grant.';--> statement-breakpoint
COMMENT ON POLICY "price history are created by admins of their tenant" ON "product_price_history" IS 'Written in the same transaction as an admin’s blueprint change.';--> statement-breakpoint
COMMENT ON POLICY "products are visible to members of their tenant" ON "products" IS 'Every member reads the product catalogue to price deals; the API hides inactive products from reps.';--> statement-breakpoint
COMMENT ON POLICY "products are created by admins of their tenant" ON "products" IS 'Only admins manage the product catalogue (F12.1, F4.1: managers read only).';--> statement-breakpoint
COMMENT ON POLICY "products are changed by admins of their tenant" ON "products" IS 'Only admins manage the product catalogue (F12.1, F4.1: managers read only).';--> statement-breakpoint
COMMENT ON POLICY "products are deleted by admins of their tenant" ON "products" IS 'Only admins manage the product catalogue (F12.1, F4.1: managers read only).';--> statement-breakpoint
COMMENT ON POLICY "sales processes are visible to members of their tenant" ON "sales_processes" IS 'Every member reads the tenant’s sales processes; deals depend on them.';--> statement-breakpoint
COMMENT ON POLICY "sales processes are created by admins of their tenant" ON "sales_processes" IS 'Only admins configure sales processes (F4.1: managers and reps have read-only access).';--> statement-breakpoint
COMMENT ON POLICY "sales processes are changed by admins of their tenant" ON "sales_processes" IS 'Only admins configure sales processes (F4.1: managers and reps have read-only access).';--> statement-breakpoint
COMMENT ON POLICY "sales processes are deleted by admins of their tenant" ON "sales_processes" IS 'Only admins configure sales processes (F4.1: managers and reps have read-only access).';--> statement-breakpoint
COMMENT ON POLICY "sessions are visible to their user or tenant admins" ON "sessions" IS 'Lets a member sign out everywhere and an admin revoke a deactivated user in the same tenant transaction (F3.4). Issuing and validating sessions is a platform flow.';--> statement-breakpoint
COMMENT ON POLICY "sessions are deleted by their user or tenant admins" ON "sessions" IS 'Lets a member sign out everywhere and an admin revoke a deactivated user in the same tenant transaction (F3.4). Issuing and validating sessions is a platform flow.';--> statement-breakpoint
COMMENT ON POLICY "tenants are visible to their own members" ON "tenants" IS 'A tenant-bound transaction sees exactly one tenant row: its own. Creation and deletion are platform flows.';--> statement-breakpoint
COMMENT ON POLICY "tenants are changed by their own admins" ON "tenants" IS 'Only tenant admins edit workspace metadata (F1.7); lifecycle columns are not granted to crm_app.';--> statement-breakpoint
COMMENT ON POLICY "users are visible to members of their tenant" ON "users" IS 'Members see the people of their own tenant (assignees, teammates); pre-tenant accounts are invisible.';--> statement-breakpoint
COMMENT ON POLICY "users are created by their tenant" ON "users" IS 'Invitation acceptance creates the member inside the inviting tenant only; signup is a platform flow.';--> statement-breakpoint
COMMENT ON POLICY "users are changed by themselves or their tenant admins" ON "users" IS 'A member edits their own profile; admins edit anyone in the tenant. Role and status changes are admin-only (trigger).';
