DROP POLICY "api tokens are visible to their owner or tenant admins" ON "api_tokens" CASCADE;--> statement-breakpoint
DROP POLICY "api tokens are changed by their owner or tenant admins" ON "api_tokens" CASCADE;--> statement-breakpoint
DROP POLICY "api tokens are deleted by their owner or tenant admins" ON "api_tokens" CASCADE;--> statement-breakpoint
DROP POLICY "invitations are created by admins of their tenant" ON "invitations" CASCADE;--> statement-breakpoint
DROP POLICY "invitations are deleted by admins of their tenant" ON "invitations" CASCADE;--> statement-breakpoint
DROP POLICY "sessions are visible to their user or tenant admins" ON "sessions" CASCADE;--> statement-breakpoint
DROP POLICY "sessions are deleted by their user or tenant admins" ON "sessions" CASCADE;--> statement-breakpoint
DROP POLICY "users are changed by themselves or their tenant admins" ON "users" CASCADE;--> statement-breakpoint
CREATE POLICY "api tokens are visible to their owner, admins, managers (reps)" ON "api_tokens" AS PERMISSIVE FOR SELECT TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid or (select nullif(current_setting('app.current_role', true), '')) = 'admin' or ((select nullif(current_setting('app.current_role', true), '')) = 'manager' and exists (select 1 from users u where u.id = user_id and u.role = 'rep'))));--> statement-breakpoint
CREATE POLICY "api tokens are changed by their owner, admins, managers (reps)" ON "api_tokens" AS PERMISSIVE FOR UPDATE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid or (select nullif(current_setting('app.current_role', true), '')) = 'admin' or ((select nullif(current_setting('app.current_role', true), '')) = 'manager' and exists (select 1 from users u where u.id = user_id and u.role = 'rep')))) WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid or (select nullif(current_setting('app.current_role', true), '')) = 'admin' or ((select nullif(current_setting('app.current_role', true), '')) = 'manager' and exists (select 1 from users u where u.id = user_id and u.role = 'rep'))));--> statement-breakpoint
CREATE POLICY "api tokens are deleted by their owner, admins, managers (reps)" ON "api_tokens" AS PERMISSIVE FOR DELETE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid or (select nullif(current_setting('app.current_role', true), '')) = 'admin' or ((select nullif(current_setting('app.current_role', true), '')) = 'manager' and exists (select 1 from users u where u.id = user_id and u.role = 'rep'))));--> statement-breakpoint
CREATE POLICY "invitations are created by admins, or managers for reps" ON "invitations" AS PERMISSIVE FOR INSERT TO "crm_app" WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '')) = 'admin' or ((select nullif(current_setting('app.current_role', true), '')) = 'manager' and role = 'rep')));--> statement-breakpoint
CREATE POLICY "invitations are deleted by admins, or managers for reps" ON "invitations" AS PERMISSIVE FOR DELETE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '')) = 'admin' or ((select nullif(current_setting('app.current_role', true), '')) = 'manager' and role = 'rep')));--> statement-breakpoint
CREATE POLICY "sessions are visible to their user, admins or managers (reps)" ON "sessions" AS PERMISSIVE FOR SELECT TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid or (select nullif(current_setting('app.current_role', true), '')) = 'admin' or ((select nullif(current_setting('app.current_role', true), '')) = 'manager' and exists (select 1 from users u where u.id = user_id and u.role = 'rep'))));--> statement-breakpoint
CREATE POLICY "sessions are deleted by their user, admins or managers (reps)" ON "sessions" AS PERMISSIVE FOR DELETE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid or (select nullif(current_setting('app.current_role', true), '')) = 'admin' or ((select nullif(current_setting('app.current_role', true), '')) = 'manager' and exists (select 1 from users u where u.id = user_id and u.role = 'rep'))));--> statement-breakpoint
CREATE POLICY "users are changed by themselves, admins or managers (reps)" ON "users" AS PERMISSIVE FOR UPDATE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid or (select nullif(current_setting('app.current_role', true), '')) = 'admin' or ((select nullif(current_setting('app.current_role', true), '')) = 'manager' and role = 'rep'))) WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid or (select nullif(current_setting('app.current_role', true), '')) = 'admin' or ((select nullif(current_setting('app.current_role', true), '')) = 'manager' and role = 'rep')));--> statement-breakpoint
-- Custom part (not tracked by drizzle-kit). F4.1 for managers (ADR 0167): a manager invites reps and
-- deactivates reps, and nothing more, even bypassing the API. The policies above let a manager write rep
-- rows only (a rep stays a rep: WITH CHECK); these triggers keep the column-level rules.
--
-- Users: through crm_app, nobody becomes a platform admin; only a tenant admin changes a role; a status
-- (deactivation) is changed by an admin, or by a manager when the member is a rep. A signed-in member who
-- is not an admin never inserts a user (members join by accepting an invitation, which runs with no user
-- bound).
CREATE OR REPLACE FUNCTION guard_user_write() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r text := (SELECT nullif(current_setting('app.current_role', true), ''));
BEGIN
  IF current_user <> 'crm_app' THEN
    RETURN NEW;
  END IF;
  IF NEW.is_platform_admin THEN
    RAISE EXCEPTION 'users: is_platform_admin is set by the platform only' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'INSERT' AND r IS NOT NULL AND r <> 'admin' THEN
    RAISE EXCEPTION 'users: members join by accepting an invitation' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.role IS DISTINCT FROM OLD.role AND r IS DISTINCT FROM 'admin' THEN
    RAISE EXCEPTION 'users: only a tenant admin changes a role' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.status IS DISTINCT FROM OLD.status AND r IS DISTINCT FROM 'admin'
     AND NOT (r = 'manager' AND OLD.role = 'rep') THEN
    RAISE EXCEPTION 'users: only a tenant admin, or a manager for a rep, changes a status' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
-- Invitations: any context of the tenant may update one (acceptance runs before login, with no user bound),
-- so who may change what is kept here. Nobody but an admin changes who is invited, as what or until when;
-- a signed-in member other than an admin withdraws only as a manager, and only a rep invitation.
CREATE OR REPLACE FUNCTION guard_invitation_write() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r text := (SELECT nullif(current_setting('app.current_role', true), ''));
BEGIN
  IF current_user <> 'crm_app' OR r = 'admin' THEN
    RETURN NEW;
  END IF;
  IF NEW.role IS DISTINCT FROM OLD.role OR NEW.email IS DISTINCT FROM OLD.email
     OR NEW.token_hash IS DISTINCT FROM OLD.token_hash OR NEW.expires_at IS DISTINCT FROM OLD.expires_at
     OR NEW.invited_by IS DISTINCT FROM OLD.invited_by THEN
    RAISE EXCEPTION 'invitations: only a tenant admin changes who is invited, as what or until when' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF r IS NOT NULL AND NOT (r = 'manager' AND OLD.role = 'rep') THEN
    RAISE EXCEPTION 'invitations: only a tenant admin, or a manager for a rep invitation, withdraws one' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER guard_invitation_write BEFORE UPDATE ON invitations
  FOR EACH ROW EXECUTE FUNCTION guard_invitation_write();--> statement-breakpoint
COMMENT ON POLICY "api tokens are visible to their owner, admins, managers (reps)" ON "api_tokens" IS 'A member lists and revokes their own tokens; admins can revoke anyone’s, managers a rep’s (deactivation, ADR 0167). Bearer lookup is a platform flow.';--> statement-breakpoint
COMMENT ON POLICY "api tokens are changed by their owner, admins, managers (reps)" ON "api_tokens" IS 'A member lists and revokes their own tokens; admins can revoke anyone’s, managers a rep’s (deactivation, ADR 0167). Bearer lookup is a platform flow.';--> statement-breakpoint
COMMENT ON POLICY "api tokens are deleted by their owner, admins, managers (reps)" ON "api_tokens" IS 'A member lists and revokes their own tokens; admins can revoke anyone’s, managers a rep’s (deactivation, ADR 0167). Bearer lookup is a platform flow.';--> statement-breakpoint
COMMENT ON POLICY "api tokens are created by their owner" ON "api_tokens" IS 'A token carries its creator’s identity, so only the user themself may mint one.';--> statement-breakpoint
COMMENT ON POLICY "invitations are visible to members of their tenant" ON "invitations" IS 'Acceptance happens on the tenant host before login (no user bound): looked up by token hash and marked accepted inside the tenant.';--> statement-breakpoint
COMMENT ON POLICY "invitations are changed by members of their tenant" ON "invitations" IS 'Acceptance happens on the tenant host before login (no user bound): looked up by token hash and marked accepted inside the tenant.';--> statement-breakpoint
COMMENT ON POLICY "invitations are created by admins, or managers for reps" ON "invitations" IS 'Tenant admins invite (F3.1) with any role; managers invite reps only (F4.1, ADR 0167). Updates (revoking, accepting) are guarded by trigger guard_invitation_write.';--> statement-breakpoint
COMMENT ON POLICY "invitations are deleted by admins, or managers for reps" ON "invitations" IS 'Tenant admins invite (F3.1) with any role; managers invite reps only (F4.1, ADR 0167). Updates (revoking, accepting) are guarded by trigger guard_invitation_write.';--> statement-breakpoint
COMMENT ON POLICY "sessions are visible to their user, admins or managers (reps)" ON "sessions" IS 'Lets a member sign out everywhere, and an admin (anyone) or a manager (a rep, ADR 0167) revoke a deactivated user in the same tenant transaction (F3.4). Ids are hashes. Issuing and validating sessions is a platform flow.';--> statement-breakpoint
COMMENT ON POLICY "sessions are deleted by their user, admins or managers (reps)" ON "sessions" IS 'Lets a member sign out everywhere, and an admin (anyone) or a manager (a rep, ADR 0167) revoke a deactivated user in the same tenant transaction (F3.4). Ids are hashes. Issuing and validating sessions is a platform flow.';--> statement-breakpoint
COMMENT ON POLICY "users are visible to members of their tenant" ON "users" IS 'Members see the people of their own tenant (assignees, teammates); pre-tenant accounts are invisible.';--> statement-breakpoint
COMMENT ON POLICY "users are created by their tenant" ON "users" IS 'Invitation acceptance creates the member inside the inviting tenant only; signup is a platform flow.';--> statement-breakpoint
COMMENT ON POLICY "users are changed by themselves, admins or managers (reps)" ON "users" IS 'A member edits their own profile; admins edit anyone in the tenant; managers reps only, and a rep stays a rep (ADR 0167). Role changes are admin-only, status changes admin or manager-of-a-rep (trigger guard_user_write).';
