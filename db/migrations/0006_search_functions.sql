-- Text search under RLS (ADR 0080). ILIKE and the pg_trgm operators are not LEAKPROOF, so for crm_app the
-- planner may not use them as index conditions before the policy quals: every search read every visible row.
-- These SECURITY DEFINER functions run the index-backed search as crm_search and return only candidate ids
-- (and, for contacts, their rank); the API then reads the rows under RLS as crm_app, so a function can only
-- narrow what a request shows, never widen it.
--
-- Who may do what:
--   crm_search  NOLOGIN, BYPASSRLS, owns these three functions and nothing else; SELECT on exactly the
--               columns searched, ranked or needed to repeat the policies (tenant, ownership, deleted_at).
--               Nobody logs in as it and crm_app is not a member: it is only ever the definer of these functions.
--   crm_app     EXECUTE on the three functions; PUBLIC (and so crm_platform) none.
--   functions   read the tenant, user and role only from app.current_tenant_id / app.current_user_id /
--               app.current_role, exactly as the policies do (never from a parameter): no tenant → no rows;
--               not admin/manager → only rows assigned to or created by the bound user (contacts, deals).

-- 1. The definer role. Roles are cluster-wide, so this is idempotent (see roles_and_extensions).
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'crm_search') THEN
    CREATE ROLE crm_search NOLOGIN NOSUPERUSER BYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
  -- The migrating role must be able to SET ROLE crm_search to hand it the functions (ALTER … OWNER).
  IF NOT pg_has_role(current_user, 'crm_search', 'MEMBER') THEN
    EXECUTE format('GRANT crm_search TO %I', current_user);
  END IF;
END
$$;--> statement-breakpoint

-- 2. Column grants: what the searches match, rank and filter on, nothing else (no notes, amounts, custom
-- fields). BYPASSRLS makes these rows of every tenant readable to crm_search, which is why the functions
-- repeat the tenant and ownership conditions and why only they run as crm_search.
GRANT SELECT (id, tenant_id, full_name, email, phone, organization_id, assigned_user_id, created_by, deleted_at)
  ON contacts TO crm_search;--> statement-breakpoint
GRANT SELECT (id, tenant_id, name, deleted_at) ON organizations TO crm_search;--> statement-breakpoint
GRANT SELECT (id, tenant_id, name, assigned_user_id, created_by, deleted_at) ON deals TO crm_search;--> statement-breakpoint

-- 3. pg_trgm's settings are placeholders until its library is loaded; a non-superuser (Neon) may not name a
-- placeholder in CREATE FUNCTION … SET, so load the library first (show_trgm has no side effect).
SELECT show_trgm('');--> statement-breakpoint

-- 4. Contacts (F7.3, ADR 0042): one box over name, email, phone digits and live company name. Returns the
-- ranked page after the keyset cursor (after_rank, after_id): the same candidates, rank and order the API
-- computed before, with the optional list filters applied before the limit so pages stay full.
-- plpgsql with plan_cache_mode = force_custom_plan: every call is planned with the actual tenant and
-- pattern (a phone branch without digits is folded away, a lead's ownership test folds to true).
CREATE FUNCTION search_contacts(
  q text,
  assigned_to uuid DEFAULT NULL,
  in_organization uuid DEFAULT NULL,
  after_rank real DEFAULT NULL,
  after_id uuid DEFAULT NULL,
  max_rows integer DEFAULT 101
) RETURNS TABLE (id uuid, rank real)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
SET pg_trgm.word_similarity_threshold = 0.3
SET plan_cache_mode = force_custom_plan
AS $$
#variable_conflict use_column
DECLARE
  tenant uuid := nullif(current_setting('app.current_tenant_id', true), '')::uuid;
  actor uuid := nullif(current_setting('app.current_user_id', true), '')::uuid;
  lead boolean := coalesce(nullif(current_setting('app.current_role', true), '') IN ('admin', 'manager'), false);
  -- %q% with LIKE wildcards escaped, as api/src/lib/search.ts containsPattern.
  pattern text := '%' || regexp_replace(q, '([\\%_])', '\\\1', 'g') || '%';
  -- q that looks like (part of) a phone number matches the phone's digits, 3 digits at least.
  digits text := CASE WHEN q ~ '^[\d\s+()./-]+$' THEN regexp_replace(q, '\D', '', 'g') ELSE '' END;
  digits_pattern text := CASE WHEN length(digits) >= 3 THEN '%' || digits || '%' END;
BEGIN
  IF tenant IS NULL OR coalesce(q, '') = '' OR coalesce(max_rows, 0) < 1 OR (NOT lead AND actor IS NULL) THEN
    RETURN;
  END IF;
  RETURN QUERY
  WITH candidates AS (
    -- Each branch is served by one trigram GIN index led by tenant_id, and carries the columns the rank
    -- and the filters need, so the candidates are never joined back to contacts (UNION drops duplicates).
    SELECT c.id, c.full_name, c.email::text AS email, c.phone, c.organization_id, c.assigned_user_id,
           c.created_by, c.deleted_at
      FROM public.contacts c
     WHERE c.tenant_id = tenant AND (c.full_name ILIKE pattern OR q <% c.full_name)
    UNION
    SELECT c.id, c.full_name, c.email::text, c.phone, c.organization_id, c.assigned_user_id,
           c.created_by, c.deleted_at
      FROM public.contacts c
     WHERE c.tenant_id = tenant AND c.email::text ILIKE pattern
    UNION
    SELECT k.id, k.full_name, k.email::text, k.phone, k.organization_id, k.assigned_user_id,
           k.created_by, k.deleted_at
      FROM public.organizations org
      JOIN public.contacts k ON k.tenant_id = org.tenant_id AND k.organization_id = org.id
     WHERE org.tenant_id = tenant AND org.deleted_at IS NULL AND (org.name ILIKE pattern OR q <% org.name)
    UNION
    -- The expression is written as in contacts_phone_digits_trgm_idx so the planner matches it.
    SELECT c.id, c.full_name, c.email::text, c.phone, c.organization_id, c.assigned_user_id,
           c.created_by, c.deleted_at
      FROM public.contacts c
     WHERE digits_pattern IS NOT NULL AND c.tenant_id = tenant
       AND regexp_replace(c.phone, '\D', '', 'g') LIKE digits_pattern
  ), ranked AS (
    SELECT c.id, greatest(
        strict_word_similarity(q, c.full_name),
        CASE WHEN c.full_name ILIKE pattern THEN 1 ELSE 0 END,
        CASE WHEN c.email ILIKE pattern THEN 0.9 ELSE 0 END,
        CASE WHEN digits_pattern IS NOT NULL AND regexp_replace(c.phone, '\D', '', 'g') LIKE digits_pattern
          THEN 0.9 ELSE 0 END,
        coalesce(strict_word_similarity(q, o.name) * 0.8, 0),
        CASE WHEN o.name ILIKE pattern THEN 0.8 ELSE 0 END
      )::real AS rank
      FROM candidates c
      -- The live company, looked up per candidate (LATERAL … LIMIT 1 keeps it a nested loop on the
      -- organizations key): a hash join would read every organization of the tenant for a broad query.
      LEFT JOIN LATERAL (
        SELECT org.name FROM public.organizations org
         WHERE org.tenant_id = tenant AND org.id = c.organization_id AND org.deleted_at IS NULL
         LIMIT 1
      ) o ON true
     WHERE c.deleted_at IS NULL
       -- The contacts policy, repeated: leads see the tenant, everyone else their own.
       AND (lead OR c.assigned_user_id = actor OR c.created_by = actor)
       AND (assigned_to IS NULL OR c.assigned_user_id = assigned_to)
       AND (in_organization IS NULL OR c.organization_id = in_organization)
  )
  SELECT r.id, r.rank FROM ranked r
   WHERE after_id IS NULL OR (r.rank, r.id) < (after_rank, after_id)
   ORDER BY r.rank DESC, r.id DESC
   LIMIT max_rows;
END
$$;--> statement-breakpoint

-- 5. Organizations: a name fragment or a misspelled word. The threshold is the server default (0.6) that
-- the organization list matched with before this migration, now stated rather than inherited.
CREATE FUNCTION search_organization_ids(q text) RETURNS TABLE (id uuid)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
SET pg_trgm.word_similarity_threshold = 0.6
SET plan_cache_mode = force_custom_plan
AS $$
#variable_conflict use_column
DECLARE
  tenant uuid := nullif(current_setting('app.current_tenant_id', true), '')::uuid;
  pattern text := '%' || regexp_replace(q, '([\\%_])', '\\\1', 'g') || '%';
BEGIN
  IF tenant IS NULL OR coalesce(q, '') = '' THEN
    RETURN;
  END IF;
  -- The organizations policy, repeated: every member of the tenant sees every organization.
  RETURN QUERY
  SELECT o.id FROM public.organizations o
   WHERE o.tenant_id = tenant AND o.deleted_at IS NULL AND (o.name ILIKE pattern OR q <% o.name);
END
$$;--> statement-breakpoint

-- 6. Deals: a name fragment (F8.3).
CREATE FUNCTION search_deal_ids(q text) RETURNS TABLE (id uuid)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
SET plan_cache_mode = force_custom_plan
AS $$
#variable_conflict use_column
DECLARE
  tenant uuid := nullif(current_setting('app.current_tenant_id', true), '')::uuid;
  actor uuid := nullif(current_setting('app.current_user_id', true), '')::uuid;
  lead boolean := coalesce(nullif(current_setting('app.current_role', true), '') IN ('admin', 'manager'), false);
  pattern text := '%' || regexp_replace(q, '([\\%_])', '\\\1', 'g') || '%';
BEGIN
  IF tenant IS NULL OR coalesce(q, '') = '' OR (NOT lead AND actor IS NULL) THEN
    RETURN;
  END IF;
  RETURN QUERY
  SELECT d.id FROM public.deals d
   WHERE d.tenant_id = tenant AND d.name ILIKE pattern AND d.deleted_at IS NULL
     -- The deals policy, repeated: leads see the tenant, everyone else their own.
     AND (lead OR d.assigned_user_id = actor OR d.created_by = actor);
END
$$;--> statement-breakpoint

-- 7. Only crm_app may call them (functions are executable by PUBLIC by default).
REVOKE ALL ON FUNCTION search_contacts(text, uuid, uuid, real, uuid, integer),
  search_organization_ids(text), search_deal_ids(text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION search_contacts(text, uuid, uuid, real, uuid, integer),
  search_organization_ids(text), search_deal_ids(text) TO crm_app;--> statement-breakpoint

-- 8. Hand them to crm_search. A new owner needs CREATE on the schema (unless a superuser migrates), so
-- crm_search holds it only for these three statements; it must not create objects later.
GRANT CREATE ON SCHEMA public TO crm_search;--> statement-breakpoint
ALTER FUNCTION search_contacts(text, uuid, uuid, real, uuid, integer) OWNER TO crm_search;--> statement-breakpoint
ALTER FUNCTION search_organization_ids(text) OWNER TO crm_search;--> statement-breakpoint
ALTER FUNCTION search_deal_ids(text) OWNER TO crm_search;--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM crm_search;--> statement-breakpoint

COMMENT ON FUNCTION search_contacts(text, uuid, uuid, real, uuid, integer) IS
  'Contact search (ADR 0042/0080) for crm_app: ranked ids of the bound tenant''s live contacts the bound user may see; the API reads the rows under RLS.';--> statement-breakpoint
COMMENT ON FUNCTION search_organization_ids(text) IS
  'Organization name search (ADR 0080) for crm_app: ids of the bound tenant''s live organizations; the API reads the rows under RLS.';--> statement-breakpoint
COMMENT ON FUNCTION search_deal_ids(text) IS
  'Deal name search (ADR 0080) for crm_app: ids of the bound tenant''s live deals the bound user may see; the API reads the rows under RLS.';
