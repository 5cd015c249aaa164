-- Extensions and the two database roles every later migration relies on.
-- Roles are cluster-wide: a test run that creates many databases on one server meets them already
-- existing, so each step is idempotent.
CREATE EXTENSION IF NOT EXISTS pgcrypto;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS citext;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
-- crm_app: every tenant-bound transaction runs as it. It cannot log in, owns nothing and is subject to RLS.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'crm_app') THEN
    CREATE ROLE crm_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
END
$$;--> statement-breakpoint
-- crm_platform: the one privileged path (withPlatform) for flows that must cross tenants. BYPASSRLS, but
-- only the few grants those flows need (see rls_grants_triggers).
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'crm_platform') THEN
    CREATE ROLE crm_platform NOLOGIN NOSUPERUSER BYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
END
$$;--> statement-breakpoint
-- The connecting (migration/owner) role must be a member of both so that set_config('role', …, true) —
-- SET LOCAL ROLE — is allowed. A superuser needs no membership; granting it anyway is harmless.
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'crm_app', 'MEMBER') THEN
    EXECUTE format('GRANT crm_app TO %I', current_user);
  END IF;
  IF NOT pg_has_role(current_user, 'crm_platform', 'MEMBER') THEN
    EXECUTE format('GRANT crm_platform TO %I', current_user);
  END IF;
END
$$;
