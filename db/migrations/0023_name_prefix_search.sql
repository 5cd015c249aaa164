-- Contact search for a common name in a few milliseconds (issue 10; ADR 0101). search_contacts (0019) found
-- name candidates on the trigram index, whose bitmap reads every match of the tenant first: ~1,100 for
-- "Bianchi" in a 100k-contact tenant, ~5 ms before the first candidate, and planned a 16-scan query on
-- every call. A name typed from the start of the full name or of the last name is now a btree range on the
-- two indexes below; when that alone fills the candidates (a common name), they are the answer, all ranked
-- 1, and the typo-tolerant and other fields' arms are neither planned nor run (none could rank higher).
-- Fewer prefix matches: the prefix matches join the arms of 0019, so "Jonhson" still finds Johnson. Who may
-- see what is unchanged (visible_contacts, now also returning last_name).
CREATE INDEX "contacts_full_name_prefix_idx" ON "contacts" USING btree ("tenant_id",lower(full_name) text_pattern_ops,"assigned_user_id","created_by");--> statement-breakpoint
CREATE INDEX "contacts_last_name_prefix_idx" ON "contacts" USING btree ("tenant_id",lower(last_name) text_pattern_ops,"assigned_user_id","created_by");--> statement-breakpoint
GRANT SELECT (last_name) ON contacts TO crm_search;--> statement-breakpoint
DROP FUNCTION visible_contacts(uuid, uuid, boolean, uuid, uuid, boolean);--> statement-breakpoint
CREATE FUNCTION visible_contacts(
  tenant uuid, actor uuid, lead boolean, assigned_to uuid, in_organization uuid, handed_over boolean
) RETURNS TABLE (id uuid, full_name text, last_name text, email text, phone text, organization_id uuid)
LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT c.id, c.full_name, c.last_name, c.email::text, c.phone, c.organization_id FROM public.contacts c
   WHERE lead AND c.tenant_id = tenant AND c.deleted_at IS NULL
     AND (assigned_to IS NULL OR c.assigned_user_id = assigned_to)
     AND (in_organization IS NULL OR c.organization_id = in_organization)
  UNION ALL
  SELECT c.id, c.full_name, c.last_name, c.email::text, c.phone, c.organization_id FROM public.contacts c
   WHERE NOT lead AND c.tenant_id = tenant AND c.assigned_user_id = actor AND c.deleted_at IS NULL
     AND (assigned_to IS NULL OR c.assigned_user_id = assigned_to)
     AND (in_organization IS NULL OR c.organization_id = in_organization)
  UNION ALL
  SELECT c.id, c.full_name, c.last_name, c.email::text, c.phone, c.organization_id FROM public.contacts c
   WHERE NOT lead AND handed_over AND c.tenant_id = tenant AND c.created_by = actor
     AND c.created_by IS DISTINCT FROM c.assigned_user_id AND c.deleted_at IS NULL
     AND (assigned_to IS NULL OR c.assigned_user_id = assigned_to)
     AND (in_organization IS NULL OR c.organization_id = in_organization);
END;--> statement-breakpoint
REVOKE ALL ON FUNCTION visible_contacts(uuid, uuid, boolean, uuid, uuid, boolean) FROM PUBLIC;--> statement-breakpoint
GRANT CREATE ON SCHEMA public TO crm_search;--> statement-breakpoint
ALTER FUNCTION visible_contacts(uuid, uuid, boolean, uuid, uuid, boolean) OWNER TO crm_search;--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM crm_search;--> statement-breakpoint
COMMENT ON FUNCTION visible_contacts(uuid, uuid, boolean, uuid, uuid, boolean) IS
  'The contacts policy as three indexable arms (lead; assigned to actor; created by actor and handed over), for search_contacts only (ADR 0100).';--> statement-breakpoint

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
  -- q with LIKE wildcards escaped: %q% anywhere, q% from the start (lower case, as the prefix indexes).
  escaped text := regexp_replace(q, '([\\%_])', '\\\1', 'g');
  pattern text := '%' || escaped || '%';
  prefix text := lower(escaped) || '%';
  -- q that looks like (part of) a phone number matches the phone's digits, 3 digits at least.
  digits text := CASE WHEN q ~ '^[\d\s+()./-]+$' THEN regexp_replace(q, '\D', '', 'g') ELSE '' END;
  digits_pattern text := CASE WHEN length(digits) >= 3 THEN '%' || digits || '%' END;
  -- Candidates per field (never fewer than the page asked for), companies searched: what bounds the work
  -- whatever q matches.
  per_field integer := greatest(40, max_rows);
  companies constant integer := 10;
  prefixed uuid[];
BEGIN
  IF tenant IS NULL OR coalesce(q, '') = '' OR coalesce(max_rows, 0) < 1 OR (NOT lead AND actor IS NULL) THEN
    RETURN;
  END IF;
  -- Names that start with q, on the prefix indexes: a few index pages whatever the name's frequency.
  SELECT array_agg(v.id) INTO prefixed FROM (
    SELECT v.id FROM visible_contacts(tenant, actor, lead, assigned_to, in_organization, true) v
     WHERE lower(v.full_name) LIKE prefix OR lower(v.last_name) LIKE prefix
     LIMIT per_field) v;
  IF cardinality(prefixed) >= per_field THEN
    -- A common name fills the candidates by itself, all ranked 1 (the name contains q): no other arm could
    -- rank above them, so none runs (and no large plan is made).
    RETURN QUERY
    SELECT p.id, 1::real FROM unnest(prefixed) AS p(id)
     WHERE after_id IS NULL OR (1::real, p.id) < (after_rank, after_id)
     ORDER BY p.id DESC
     LIMIT max_rows;
    RETURN;
  END IF;
  RETURN QUERY
  WITH by_prefix AS (
    SELECT v.id, v.full_name, v.email, v.phone, NULL::text AS company
      FROM visible_contacts(tenant, actor, lead, assigned_to, in_organization, true) v
     WHERE v.id = ANY (prefixed)
  ), by_name AS (
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
      FROM (SELECT * FROM by_prefix UNION ALL SELECT * FROM by_name UNION ALL SELECT * FROM by_email
            UNION ALL SELECT * FROM by_phone UNION ALL SELECT * FROM by_company) h
     GROUP BY h.id
  )
  SELECT r.id, r.rank FROM ranked r
   WHERE after_id IS NULL OR (r.rank, r.id) < (after_rank, after_id)
   ORDER BY r.rank DESC, r.id DESC
   LIMIT max_rows;
END
$$;
