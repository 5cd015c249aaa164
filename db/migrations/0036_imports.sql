-- CSV imports (issue 15, ADR 0174): an uploaded file, its rows and their outcomes, private to the uploader.
CREATE TABLE "import_rows" (
	"tenant_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"cells" jsonb NOT NULL,
	"outcome" text,
	"record_id" uuid,
	"before" jsonb,
	"reason" text,
	CONSTRAINT "import_rows_pkey" PRIMARY KEY("tenant_id","import_id","row_no"),
	CONSTRAINT "import_rows_outcome_known" CHECK ("import_rows"."outcome" in ('created', 'updated', 'skipped', 'rejected'))
);
--> statement-breakpoint
ALTER TABLE "import_rows" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"entity" text NOT NULL,
	"status" text DEFAULT 'uploaded' NOT NULL,
	"file_name" text NOT NULL,
	"encoding" text NOT NULL,
	"delimiter" text NOT NULL,
	"columns" jsonb NOT NULL,
	"mapping" jsonb NOT NULL,
	"dedupe_mode" text DEFAULT 'skip' NOT NULL,
	"total_rows" integer NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"undone_rows" integer DEFAULT 0 NOT NULL,
	"created_count" integer DEFAULT 0 NOT NULL,
	"updated_count" integer DEFAULT 0 NOT NULL,
	"skipped_count" integer DEFAULT 0 NOT NULL,
	"rejected_count" integer DEFAULT 0 NOT NULL,
	"heartbeat_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"undone_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"updated_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	CONSTRAINT "imports_tenant_id_id_key" UNIQUE("tenant_id","id"),
	CONSTRAINT "imports_entity_known" CHECK ("imports"."entity" in ('contact', 'organization')),
	CONSTRAINT "imports_status_known" CHECK ("imports"."status" in ('uploaded', 'running', 'done', 'undoing', 'undone')),
	CONSTRAINT "imports_dedupe_known" CHECK ("imports"."dedupe_mode" in ('skip', 'update', 'create')),
	CONSTRAINT "imports_counts" CHECK ("imports"."processed_rows" between 0 and "imports"."total_rows")
);
--> statement-breakpoint
ALTER TABLE "imports" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_import_fk" FOREIGN KEY ("tenant_id","import_id") REFERENCES "public"."imports"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_user_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_rows_record_idx" ON "import_rows" USING btree ("tenant_id","import_id","record_id") WHERE "import_rows"."record_id" is not null;--> statement-breakpoint
CREATE INDEX "import_rows_rejected_idx" ON "import_rows" USING btree ("tenant_id","import_id","row_no") WHERE "import_rows"."outcome" = 'rejected';--> statement-breakpoint
CREATE INDEX "imports_user_created_idx" ON "imports" USING btree ("tenant_id","user_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE POLICY "import rows are visible to the member who uploaded them" ON "import_rows" AS PERMISSIVE FOR SELECT TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "import rows are created by the member who uploaded them" ON "import_rows" AS PERMISSIVE FOR INSERT TO "crm_app" WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "import rows are changed by the member who uploaded them" ON "import_rows" AS PERMISSIVE FOR UPDATE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid) WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "imports are visible to the member who uploaded them" ON "imports" AS PERMISSIVE FOR SELECT TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "imports are created by the member who uploaded them" ON "imports" AS PERMISSIVE FOR INSERT TO "crm_app" WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "imports are changed by the member who uploaded them" ON "imports" AS PERMISSIVE FOR UPDATE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid) WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid);--> statement-breakpoint
ALTER TABLE "imports" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "import_rows" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT ON imports TO crm_app;--> statement-breakpoint
GRANT UPDATE (status, mapping, dedupe_mode, processed_rows, undone_rows, created_count, updated_count, skipped_count, rejected_count, heartbeat_at, finished_at, undone_at) ON imports TO crm_app;--> statement-breakpoint
GRANT SELECT, INSERT ON import_rows TO crm_app;--> statement-breakpoint
GRANT UPDATE (outcome, record_id, before, reason) ON import_rows TO crm_app;--> statement-breakpoint
CREATE TRIGGER set_updated_columns BEFORE UPDATE ON imports
  FOR EACH ROW EXECUTE FUNCTION set_updated_columns();--> statement-breakpoint
COMMENT ON POLICY "imports are visible to the member who uploaded them" ON "imports" IS 'An import is one member’s file and its rows: only they map, run, read or undo it (ADR 0174). What it wrote is governed by the records’ own policies.';--> statement-breakpoint
COMMENT ON POLICY "imports are created by the member who uploaded them" ON "imports" IS 'An import is one member’s file and its rows: only they map, run, read or undo it (ADR 0174). What it wrote is governed by the records’ own policies.';--> statement-breakpoint
COMMENT ON POLICY "imports are changed by the member who uploaded them" ON "imports" IS 'An import is one member’s file and its rows: only they map, run, read or undo it (ADR 0174). What it wrote is governed by the records’ own policies.';--> statement-breakpoint
COMMENT ON POLICY "import rows are visible to the member who uploaded them" ON "import_rows" IS 'The rows of a member’s import file: only the member who uploaded it reads or processes them (ADR 0174).';--> statement-breakpoint
COMMENT ON POLICY "import rows are created by the member who uploaded them" ON "import_rows" IS 'The rows of a member’s import file: only the member who uploaded it reads or processes them (ADR 0174).';--> statement-breakpoint
COMMENT ON POLICY "import rows are changed by the member who uploaded them" ON "import_rows" IS 'The rows of a member’s import file: only the member who uploaded it reads or processes them (ADR 0174).';
--> statement-breakpoint
CREATE INDEX "organizations_tenant_id_lower_name_idx" ON "organizations" USING btree ("tenant_id",lower("name"));--> statement-breakpoint
CREATE INDEX "organizations_tenant_id_domain_idx" ON "organizations" USING btree ("tenant_id",lower(regexp_replace(substring("website" from '^[A-Za-z][A-Za-z0-9+.-]*://([^/:?#]+)'), '^[Ww][Ww][Ww]\.', '')));
--> statement-breakpoint
-- Exact matches under RLS (ADR 0174). citext's =, lower() and the regexp functions are not LEAKPROOF, so
-- as crm_app an e-mail, name or domain match may not be an index condition: an import batch looking up
-- 500 e-mails read every contact the member may see (2.5 s at 10,000 contacts), and so did each single
-- contact write's check that its e-mail is free. These return the ids the policies would show, through the
-- indexes; the API then reads the rows by id under RLS (the search functions' pattern, ADR 0080).
GRANT SELECT (website) ON organizations TO crm_search;--> statement-breakpoint
-- One probe per key, each an equality on the whole index key: with `= ANY (array)`, or a lateral join,
-- the planner, without statistics for a table an import has just grown, kept only tenant_id as the index
-- condition and filtered every contact of the tenant (1.8 s for 500 e-mails at 10,000 contacts).
CREATE FUNCTION contact_ids_by_email(emails citext[]) RETURNS TABLE (id uuid)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
ROWS 100
AS $$
#variable_conflict use_column
DECLARE
  tenant uuid := nullif(current_setting('app.current_tenant_id', true), '')::uuid;
  actor uuid := nullif(current_setting('app.current_user_id', true), '')::uuid;
  lead boolean := coalesce(nullif(current_setting('app.current_role', true), '') IN ('admin', 'manager'), false);
  wanted citext;
BEGIN
  IF tenant IS NULL OR (NOT lead AND actor IS NULL) THEN
    RETURN;
  END IF;
  FOREACH wanted IN ARRAY coalesce(emails, '{}') LOOP
    -- IS NOT NULL spelled out: the unique index is partial (live rows with an e-mail).
    RETURN QUERY
    SELECT c.id FROM public.contacts c
     WHERE c.tenant_id = tenant AND c.email = wanted AND c.email IS NOT NULL AND c.deleted_at IS NULL
       AND (lead OR c.assigned_user_id = actor OR c.created_by = actor);
  END LOOP;
END
$$;--> statement-breakpoint
CREATE FUNCTION organization_ids_by_key(names text[], domains text[]) RETURNS TABLE (id uuid)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
ROWS 100
AS $$
#variable_conflict use_column
DECLARE
  tenant uuid := nullif(current_setting('app.current_tenant_id', true), '')::uuid;
  wanted text;
BEGIN
  IF tenant IS NULL THEN
    RETURN;
  END IF;
  FOREACH wanted IN ARRAY coalesce(names, '{}') LOOP
    RETURN QUERY
    SELECT o.id FROM public.organizations o
     WHERE o.tenant_id = tenant AND lower(o.name) = wanted AND o.deleted_at IS NULL;
  END LOOP;
  FOREACH wanted IN ARRAY coalesce(domains, '{}') LOOP
    RETURN QUERY
    SELECT o.id FROM public.organizations o
     WHERE o.tenant_id = tenant AND o.deleted_at IS NULL
       AND lower(regexp_replace(substring(o.website from '^[A-Za-z][A-Za-z0-9+.-]*://([^/:?#]+)'), '^[Ww][Ww][Ww]\.', '')) = wanted;
  END LOOP;
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION contact_ids_by_email(citext[]), organization_ids_by_key(text[], text[]) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION contact_ids_by_email(citext[]), organization_ids_by_key(text[], text[]) TO crm_app;--> statement-breakpoint
GRANT CREATE ON SCHEMA public TO crm_search;--> statement-breakpoint
ALTER FUNCTION contact_ids_by_email(citext[]) OWNER TO crm_search;--> statement-breakpoint
ALTER FUNCTION organization_ids_by_key(text[], text[]) OWNER TO crm_search;--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM crm_search;--> statement-breakpoint
COMMENT ON FUNCTION contact_ids_by_email(citext[]) IS
  'ADR 0174: ids of the bound tenant''s live contacts with one of these e-mails that the bound user may see (the contacts policy), through the unique e-mail index; the API reads the rows under RLS.';--> statement-breakpoint
COMMENT ON FUNCTION organization_ids_by_key(text[], text[]) IS
  'ADR 0174: ids of the bound tenant''s live organizations whose lower-cased name or website domain is one of these, through the expression indexes; the API reads the rows under RLS.';
--> statement-breakpoint
-- Contact erasure (erase_contact, migration 0035, ADR 0173) rewrites a contact's values in import rows too.
GRANT SELECT (tenant_id, record_id, cells, before), UPDATE (cells, before) ON import_rows TO crm_privacy;
