-- Identity inside the tenant transaction (ADR 0110). A request used to spend a privileged transaction on
-- its session or API token before the tenant transaction; now the credential is checked by the statement
-- that binds the tenant transaction (db/client.ts withIdentity), so revocation, deactivation, expiry and
-- suspension still take effect on the very next statement, without an extra round trip.
--
-- Who may do what:
--   crm_identity  NOLOGIN, BYPASSRLS, owns the two functions below and nothing else; SELECT on exactly the
--                 columns that decide whether a credential is live. Nobody logs in as it.
--   the login role (the role that migrates and connects) EXECUTE on both: it runs the binding statement
--                 before that same statement drops to crm_app, and identifyCredential() on the cold path.
--   crm_platform  EXECUTE on both (the privileged path may check a credential too).
--   crm_app       nothing: tenant code can never re-bind a transaction to another identity.

-- 1. The definer role. Roles are cluster-wide, so this is idempotent (see roles_and_extensions).
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'crm_identity') THEN
    CREATE ROLE crm_identity NOLOGIN NOSUPERUSER BYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
  -- The migrating role must be able to SET ROLE crm_identity to hand it the functions (ALTER … OWNER).
  IF NOT pg_has_role(current_user, 'crm_identity', 'MEMBER') THEN
    EXECUTE format('GRANT crm_identity TO %I', current_user);
  END IF;
END
$$;--> statement-breakpoint

-- 2. Column grants: what decides that a credential is live and whose it is; no emails, names or hashes of
-- passwords. BYPASSRLS makes every tenant's rows readable to crm_identity, which is why only these
-- functions run as it and why they look a credential up by its hash only.
GRANT SELECT (id, user_id, tenant_id, expires_at, elevated_until) ON sessions TO crm_identity;--> statement-breakpoint
GRANT SELECT (token_hash, tenant_id, user_id, expires_at, revoked_at, last_used_at) ON api_tokens TO crm_identity;--> statement-breakpoint
GRANT SELECT (id, tenant_id, role, is_platform_admin, status) ON users TO crm_identity;--> statement-breakpoint
GRANT SELECT (id, slug, status) ON tenants TO crm_identity;--> statement-breakpoint

-- 3. The facts of a live credential: a session that has not expired, or an API token neither revoked nor
-- expired, of an active user. No row for anything else (unknown, expired, revoked, deactivated).
-- credential_kind is 'session' (hash = SHA-256 of the cookie's session id) or 'token' (SHA-256 of the
-- bearer token). tenant_id is the host the credential was issued for (NULL: the root domain).
CREATE FUNCTION identify_credential(credential_kind text, credential_hash text)
RETURNS TABLE (
  user_id uuid,
  tenant_id uuid,
  role user_role,
  is_platform_admin boolean,
  tenant_slug text,
  tenant_status tenant_status,
  expires_at timestamptz,
  elevated_until timestamptz,
  last_used_at timestamptz
)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT u.id, s.tenant_id, u.role, u.is_platform_admin, t.slug, t.status, s.expires_at, s.elevated_until,
         NULL::timestamptz
    FROM public.sessions s
    JOIN public.users u ON u.id = s.user_id
    LEFT JOIN public.tenants t ON t.id = s.tenant_id
   WHERE credential_kind = 'session' AND s.id = credential_hash AND s.expires_at > now()
     AND u.status = 'active'
  UNION ALL
  SELECT u.id, k.tenant_id, u.role, u.is_platform_admin, t.slug, t.status, k.expires_at, NULL::timestamptz,
         k.last_used_at
    FROM public.api_tokens k
    JOIN public.users u ON u.id = k.user_id
    JOIN public.tenants t ON t.id = k.tenant_id
   WHERE credential_kind = 'token' AND k.token_hash = credential_hash AND k.revoked_at IS NULL
     AND (k.expires_at IS NULL OR k.expires_at > now()) AND u.status = 'active'
$$;--> statement-breakpoint

-- 4. The binding: checks the credential for this host and, only if it is live, issued for this very tenant
-- (id and slug) and the tenant is active, sets app.current_tenant_id / app.current_user_id /
-- app.current_role from the database's own facts (never from the caller's idea of the role). Always one
-- row: outcome 'ok', 'invalid', 'other_tenant' or 'tenant_unavailable'; nothing is bound unless 'ok'.
-- The caller drops to crm_app in the same SELECT, after this function has run (it cannot do so itself:
-- a SECURITY DEFINER function may not set role).
CREATE FUNCTION bind_credential(credential_kind text, credential_hash text, host_tenant uuid, host_slug text)
RETURNS TABLE (
  outcome text,
  user_id uuid,
  role user_role,
  expires_at timestamptz,
  elevated_until timestamptz,
  last_used_at timestamptz
)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  live record;
BEGIN
  SELECT * INTO live FROM public.identify_credential(credential_kind, credential_hash) LIMIT 1;
  IF NOT FOUND THEN
    outcome := 'invalid';
  ELSIF live.tenant_id IS DISTINCT FROM host_tenant OR live.tenant_slug IS DISTINCT FROM host_slug THEN
    outcome := 'other_tenant';
  ELSIF live.tenant_status <> 'active' THEN
    outcome := 'tenant_unavailable';
  ELSE
    PERFORM set_config('app.current_tenant_id', host_tenant::text, true),
            set_config('app.current_user_id', live.user_id::text, true),
            set_config('app.current_role', live.role::text, true);
    outcome := 'ok';
    user_id := live.user_id;
    role := live.role;
    expires_at := live.expires_at;
    elevated_until := live.elevated_until;
    last_used_at := live.last_used_at;
  END IF;
  RETURN NEXT;
END
$$;--> statement-breakpoint

-- 5. Functions are executable by PUBLIC by default: only the login role and crm_platform may call these.
REVOKE ALL ON FUNCTION identify_credential(text, text), bind_credential(text, text, uuid, text)
  FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION identify_credential(text, text), bind_credential(text, text, uuid, text)
  TO crm_platform;--> statement-breakpoint
DO $$
BEGIN
  EXECUTE format(
    'GRANT EXECUTE ON FUNCTION identify_credential(text, text), bind_credential(text, text, uuid, text) TO %I',
    current_user);
END
$$;--> statement-breakpoint

-- 6. Hand them to crm_identity. A new owner needs CREATE on the schema (unless a superuser migrates), so
-- crm_identity holds it only for these statements; it must not create objects later.
GRANT CREATE ON SCHEMA public TO crm_identity;--> statement-breakpoint
ALTER FUNCTION identify_credential(text, text) OWNER TO crm_identity;--> statement-breakpoint
ALTER FUNCTION bind_credential(text, text, uuid, text) OWNER TO crm_identity;--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM crm_identity;--> statement-breakpoint

COMMENT ON FUNCTION identify_credential(text, text) IS
  'ADR 0110: the facts of a live session or API token (by its SHA-256), or no row; for the login role and crm_platform only.';--> statement-breakpoint
COMMENT ON FUNCTION bind_credential(text, text, uuid, text) IS
  'ADR 0110: checks a credential for one tenant host and binds app.current_* from the database''s facts; the caller sets role crm_app in the same statement.';
