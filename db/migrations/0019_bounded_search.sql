-- Search that stays fast for common terms (issue 10, ADR 0100; replaces the bodies of migration 0006, ADR
-- 0080). A search now reads a bounded number of rows whatever it matches: at most 40 candidates per field
-- (contacts: name, email, phone digits, and the contacts of at most 10 matching companies; organizations and
-- deals: their name), found on the trigram indexes in the order the index gives them, then ranked (contacts)
-- or ordered by the list (organizations, deals). A term matching thousands returns the best of a sample;
-- a narrower term finds everything. Before, every match was read and ranked (a common name: ~10k rows).
--
-- Who may do what is unchanged: crm_search owns the functions (SECURITY DEFINER, BYPASSRLS, column grants
-- of 0006), only crm_app may execute the three search functions, and the context comes only from the
-- app.* settings. The policies' ownership test is written once, in visible_contacts / visible_deals, as
-- three arms (a lead: the tenant; anyone else: assigned to them; created by them and handed over), so that
-- each arm is an index condition: the trigram indexes carry the owner columns (migration 0018) and a rep's
-- search reads only the rep's own matches. The helpers are plain SQL (invoker's rights, no SET) so the
-- planner inlines them into the search and pushes each match condition into every arm; nobody but their
-- owner may execute them.

-- 1. The rows of a tenant a user may see, arm by arm (repeats the contacts / deals policies exactly).
CREATE FUNCTION visible_contacts(
  tenant uuid, actor uuid, lead boolean, assigned_to uuid, in_organization uuid, handed_over boolean
) RETURNS TABLE (id uuid, full_name text, email text, phone text, organization_id uuid)
LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT c.id, c.full_name, c.email::text, c.phone, c.organization_id FROM public.contacts c
   WHERE lead AND c.tenant_id = tenant AND c.deleted_at IS NULL
     AND (assigned_to IS NULL OR c.assigned_user_id = assigned_to)
     AND (in_organization IS NULL OR c.organization_id = in_organization)
  UNION ALL
  SELECT c.id, c.full_name, c.email::text, c.phone, c.organization_id FROM public.contacts c
   WHERE NOT lead AND c.tenant_id = tenant AND c.assigned_user_id = actor AND c.deleted_at IS NULL
     AND (assigned_to IS NULL OR c.assigned_user_id = assigned_to)
     AND (in_organization IS NULL OR c.organization_id = in_organization)
  UNION ALL
  -- Created by the user and handed over to someone else: only when asked (a search by company leaves them
  -- out: without a trigram condition no index narrows them to the companies searched).
  SELECT c.id, c.full_name, c.email::text, c.phone, c.organization_id FROM public.contacts c
   WHERE NOT lead AND handed_over AND c.tenant_id = tenant AND c.created_by = actor
     AND c.created_by IS DISTINCT FROM c.assigned_user_id AND c.deleted_at IS NULL
     AND (assigned_to IS NULL OR c.assigned_user_id = assigned_to)
     AND (in_organization IS NULL OR c.organization_id = in_organization);
END;--> statement-breakpoint

CREATE FUNCTION visible_deals(tenant uuid, actor uuid, lead boolean)
RETURNS TABLE (id uuid, name text)
LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT d.id, d.name FROM public.deals d
   WHERE lead AND d.tenant_id = tenant AND d.deleted_at IS NULL
  UNION ALL
  SELECT d.id, d.name FROM public.deals d
   WHERE NOT lead AND d.tenant_id = tenant AND d.assigned_user_id = actor AND d.deleted_at IS NULL
  UNION ALL
  SELECT d.id, d.name FROM public.deals d
   WHERE NOT lead AND d.tenant_id = tenant AND d.created_by = actor
     AND d.created_by IS DISTINCT FROM d.assigned_user_id AND d.deleted_at IS NULL;
END;--> statement-breakpoint

-- 2. Contacts: the same matching and rank as ADR 0042 among bounded candidates. The company counts for a
-- contact found through it (its name is at hand there, so no lookup per candidate). ROWS: a page.
CREATE OR REPLACE FUNCTION search_contacts(
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
SET enable_seqscan = off
SET enable_indexscan = off
ROWS 26
AS $$
#variable_conflict use_column
DECLARE
  tenant uuid := nullif(current_setting('app.current_tenant_id', true), '')::uuid;
  actor uuid := nullif(current_setting('app.current_user_id', true), '')::uuid;
  lead boolean := coalesce(nullif(current_setting('app.current_role', true), '') IN ('admin', 'manager'), false);
  -- %q% with LIKE wildcards escaped.
  pattern text := '%' || regexp_replace(q, '([\\%_])', '\\\1', 'g') || '%';
  -- q that looks like (part of) a phone number matches the phone's digits, 3 digits at least.
  digits text := CASE WHEN q ~ '^[\d\s+()./-]+$' THEN regexp_replace(q, '\D', '', 'g') ELSE '' END;
  digits_pattern text := CASE WHEN length(digits) >= 3 THEN '%' || digits || '%' END;
  -- Candidates per field, companies searched: what bounds the work whatever q matches.
  per_field constant integer := 40;
  companies constant integer := 10;
BEGIN
  IF tenant IS NULL OR coalesce(q, '') = '' OR coalesce(max_rows, 0) < 1 OR (NOT lead AND actor IS NULL) THEN
    RETURN;
  END IF;
  RETURN QUERY
  WITH by_name AS (
    SELECT v.id, v.full_name, v.email, v.phone, NULL::text AS company
      FROM visible_contacts(tenant, actor, lead, assigned_to, in_organization, true) v
     WHERE v.full_name ILIKE pattern OR q <% v.full_name
     LIMIT per_field
  ), by_email AS (
    SELECT v.id, v.full_name, v.email, v.phone, NULL::text
      FROM visible_contacts(tenant, actor, lead, assigned_to, in_organization, true) v
     WHERE v.email ILIKE pattern
     LIMIT per_field
  ), by_phone AS (
    -- The expression is written as in contacts_phone_digits_trgm_idx so the planner matches it.
    SELECT v.id, v.full_name, v.email, v.phone, NULL::text
      FROM visible_contacts(tenant, actor, lead, assigned_to, in_organization, true) v
     WHERE digits_pattern IS NOT NULL AND regexp_replace(v.phone, '\D', '', 'g') LIKE digits_pattern
     LIMIT per_field
  ), matching_companies AS MATERIALIZED (
    SELECT org.id, org.name FROM public.organizations org
     WHERE org.tenant_id = tenant AND org.deleted_at IS NULL AND (org.name ILIKE pattern OR q <% org.name)
     LIMIT companies
  ), by_company AS (
    -- One scan per arm over all the companies at once (organization_id = ANY: an index condition), not one
    -- per company; the company's name then comes from the few companies in hand.
    SELECT v.id, v.full_name, v.email, v.phone,
           (SELECT o.name FROM matching_companies o WHERE o.id = v.organization_id) AS company
      FROM visible_contacts(tenant, actor, lead, assigned_to, in_organization, false) v
     WHERE v.organization_id = ANY (ARRAY(SELECT o.id FROM matching_companies o))
     LIMIT per_field
  ), ranked AS (
    SELECT h.id, max(greatest(
        strict_word_similarity(q, h.full_name),
        CASE WHEN h.full_name ILIKE pattern THEN 1 ELSE 0 END,
        CASE WHEN h.email ILIKE pattern THEN 0.9 ELSE 0 END,
        CASE WHEN digits_pattern IS NOT NULL AND regexp_replace(h.phone, '\D', '', 'g') LIKE digits_pattern
          THEN 0.9 ELSE 0 END,
        coalesce(strict_word_similarity(q, h.company) * 0.8, 0),
        CASE WHEN h.company ILIKE pattern THEN 0.8 ELSE 0 END
      ))::real AS rank
      FROM (SELECT * FROM by_name UNION ALL SELECT * FROM by_email UNION ALL SELECT * FROM by_phone
            UNION ALL SELECT * FROM by_company) h
     GROUP BY h.id
  )
  SELECT r.id, r.rank FROM ranked r
   WHERE after_id IS NULL OR (r.rank, r.id) < (after_rank, after_id)
   ORDER BY r.rank DESC, r.id DESC
   LIMIT max_rows;
END
$$;--> statement-breakpoint

-- 3. Organizations: at most 100 matching ids (the list orders them by name). Every member sees every
-- organization of the tenant (their policy), so no owner arms.
CREATE OR REPLACE FUNCTION search_organization_ids(q text) RETURNS TABLE (id uuid)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
SET pg_trgm.word_similarity_threshold = 0.6
SET plan_cache_mode = force_custom_plan
SET enable_seqscan = off
SET enable_indexscan = off
ROWS 100
AS $$
#variable_conflict use_column
DECLARE
  tenant uuid := nullif(current_setting('app.current_tenant_id', true), '')::uuid;
  pattern text := '%' || regexp_replace(q, '([\\%_])', '\\\1', 'g') || '%';
BEGIN
  IF tenant IS NULL OR coalesce(q, '') = '' THEN
    RETURN;
  END IF;
  RETURN QUERY
  SELECT o.id FROM public.organizations o
   WHERE o.tenant_id = tenant AND o.deleted_at IS NULL AND (o.name ILIKE pattern OR q <% o.name)
   LIMIT 100;
END
$$;--> statement-breakpoint

-- 4. Deals: at most 100 ids of deals the caller may see whose name contains q (the list orders them).
CREATE OR REPLACE FUNCTION search_deal_ids(q text) RETURNS TABLE (id uuid)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
SET plan_cache_mode = force_custom_plan
SET enable_seqscan = off
SET enable_indexscan = off
ROWS 100
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
  SELECT v.id FROM visible_deals(tenant, actor, lead) v WHERE v.name ILIKE pattern LIMIT 100;
END
$$;--> statement-breakpoint

-- 5. The helpers: nobody but their owner executes them (inlined, they run inside the search functions).
REVOKE ALL ON FUNCTION visible_contacts(uuid, uuid, boolean, uuid, uuid, boolean), visible_deals(uuid, uuid, boolean)
  FROM PUBLIC;--> statement-breakpoint
GRANT CREATE ON SCHEMA public TO crm_search;--> statement-breakpoint
ALTER FUNCTION visible_contacts(uuid, uuid, boolean, uuid, uuid, boolean) OWNER TO crm_search;--> statement-breakpoint
ALTER FUNCTION visible_deals(uuid, uuid, boolean) OWNER TO crm_search;--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM crm_search;--> statement-breakpoint

COMMENT ON FUNCTION visible_contacts(uuid, uuid, boolean, uuid, uuid, boolean) IS
  'The contacts policy as three indexable arms (lead; assigned to actor; created by actor and handed over), for search_contacts only (ADR 0100).';--> statement-breakpoint
COMMENT ON FUNCTION visible_deals(uuid, uuid, boolean) IS
  'The deals policy as three indexable arms (lead; assigned to actor; created by actor and handed over), for search_deal_ids only (ADR 0100).';--> statement-breakpoint
COMMENT ON FUNCTION search_contacts(text, uuid, uuid, real, uuid, integer) IS
  'Contact search (ADR 0042/0080/0100) for crm_app: the ranked page among at most 40 candidates per field of the bound tenant''s live contacts the bound user may see; the API reads the rows under RLS.';--> statement-breakpoint
COMMENT ON FUNCTION search_organization_ids(text) IS
  'Organization name search (ADR 0080/0100) for crm_app: at most 100 ids of the bound tenant''s live organizations; the API reads the rows under RLS.';--> statement-breakpoint
COMMENT ON FUNCTION search_deal_ids(text) IS
  'Deal name search (ADR 0080/0100) for crm_app: at most 100 ids of the bound tenant''s live deals the bound user may see; the API reads the rows under RLS.';
