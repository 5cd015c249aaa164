-- Duplicates and merge (issue 15, ADR 0172).
-- 1. Normalized keys, kept by Postgres in stored generated columns so that the duplicates view walks an
--    index led by tenant_id in key order and pages by plain text comparisons (leakproof under RLS, so a
--    cursor is an index condition). IMMUTABLE plain SQL, pg_catalog functions only.
CREATE FUNCTION contact_email_key(email text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE
    WHEN nullif(btrim(email), '') IS NULL THEN NULL
    WHEN split_part(lower(btrim(email)), '@', 2) IN ('gmail.com', 'googlemail.com')
      THEN replace(split_part(split_part(lower(btrim(email)), '@', 1), '+', 1), '.', '') || '@gmail.com'
    ELSE lower(btrim(email))
  END
$$;--> statement-breakpoint
CREATE FUNCTION contact_phone_key(phone text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE WHEN length(regexp_replace(phone, '\D', '', 'g')) >= 7
    THEN regexp_replace(phone, '\D', '', 'g') END
$$;--> statement-breakpoint
CREATE FUNCTION organization_domain_key(website text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE WHEN host LIKE '%_._%' THEN host END
    FROM (SELECT regexp_replace(regexp_replace(lower(btrim(website)), '^[a-z][a-z0-9+.-]*://', ''),
                                '^www\.|[/:?#].*$', '', 'g') AS host) h
$$;--> statement-breakpoint
-- A company's name as compared: lower case, punctuation and legal forms dropped ("ACME, Inc." = "acme").
CREATE FUNCTION organization_name_norm(name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT btrim(regexp_replace(regexp_replace(regexp_replace(lower(name), '[^[:alnum:]]+', ' ', 'g'),
    '\m(the|inc|incorporated|ltd|limited|llc|llp|corp|corporation|co|company|gmbh|ag|sa|srl|spa|plc|bv|nv)\M',
    ' ', 'g'), '\s+', ' ', 'g'))
$$;--> statement-breakpoint
-- The block names are compared within: the first word of the normalized name.
CREATE FUNCTION organization_name_key(name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT nullif(split_part(public.organization_name_norm(name), ' ', 1), '')
$$;--> statement-breakpoint
-- 2. drizzle-kit's part (db/schema/merges.ts, duplicate-keys.ts).
CREATE TABLE "merges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"entity" text NOT NULL,
	"survivor_id" uuid NOT NULL,
	"other_id" uuid NOT NULL,
	"survivor_before" jsonb NOT NULL,
	"survivor_after" jsonb NOT NULL,
	"moved" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"undone_at" timestamp with time zone,
	"undone_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"updated_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	CONSTRAINT "merges_tenant_id_id_key" UNIQUE("tenant_id","id"),
	CONSTRAINT "merges_entity_known" CHECK ("merges"."entity" in ('contact', 'organization')),
	CONSTRAINT "merges_two_records" CHECK ("merges"."survivor_id" <> "merges"."other_id"),
	CONSTRAINT "merges_undo_pair" CHECK (("merges"."undone_at" is null) = ("merges"."undone_by" is null))
);
--> statement-breakpoint
ALTER TABLE "merges" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "email_key" text GENERATED ALWAYS AS (contact_email_key((email)::text)) STORED;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "phone_key" text GENERATED ALWAYS AS (contact_phone_key(phone)) STORED;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "domain_key" text GENERATED ALWAYS AS (organization_domain_key(website)) STORED;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "name_key" text GENERATED ALWAYS AS (organization_name_key(name)) STORED;--> statement-breakpoint
ALTER TABLE "merges" ADD CONSTRAINT "merges_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merges" ADD CONSTRAINT "merges_undone_by_fk" FOREIGN KEY ("tenant_id","undone_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "merges_tenant_id_other_id_idx" ON "merges" USING btree ("tenant_id","other_id","survivor_id");--> statement-breakpoint
CREATE INDEX "contacts_email_key_idx" ON "contacts" USING btree ("tenant_id","email_key","id") WHERE "contacts"."deleted_at" is null and "contacts"."email_key" is not null;--> statement-breakpoint
CREATE INDEX "contacts_rep_email_key_idx" ON "contacts" USING btree ("tenant_id","assigned_user_id","email_key","id") WHERE "contacts"."email_key" is not null;--> statement-breakpoint
CREATE INDEX "contacts_phone_key_idx" ON "contacts" USING btree ("tenant_id","phone_key","id") WHERE "contacts"."deleted_at" is null and "contacts"."phone_key" is not null;--> statement-breakpoint
CREATE INDEX "contacts_rep_phone_key_idx" ON "contacts" USING btree ("tenant_id","assigned_user_id","phone_key","id") WHERE "contacts"."phone_key" is not null;--> statement-breakpoint
CREATE INDEX "contacts_org_block_idx" ON "contacts" USING btree ("tenant_id","organization_id","id") WHERE "contacts"."deleted_at" is null and "contacts"."organization_id" is not null;--> statement-breakpoint
CREATE INDEX "contacts_rep_org_block_idx" ON "contacts" USING btree ("tenant_id","assigned_user_id","organization_id","id") WHERE "contacts"."organization_id" is not null;--> statement-breakpoint
CREATE INDEX "organizations_domain_key_idx" ON "organizations" USING btree ("tenant_id","domain_key","id") WHERE "organizations"."deleted_at" is null and "organizations"."domain_key" is not null;--> statement-breakpoint
CREATE INDEX "organizations_name_key_idx" ON "organizations" USING btree ("tenant_id","name_key","id") WHERE "organizations"."deleted_at" is null and "organizations"."name_key" is not null;--> statement-breakpoint
CREATE POLICY "merges are visible to their author and tenant leads" ON "merges" AS PERMISSIVE FOR SELECT TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '') in ('admin', 'manager')) or created_by = (select nullif(current_setting('app.current_user_id', true), ''))::uuid));--> statement-breakpoint
CREATE POLICY "merges are created by their author and tenant leads" ON "merges" AS PERMISSIVE FOR INSERT TO "crm_app" WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '') in ('admin', 'manager')) or created_by = (select nullif(current_setting('app.current_user_id', true), ''))::uuid));--> statement-breakpoint
CREATE POLICY "merges are changed by their author and tenant leads" ON "merges" AS PERMISSIVE FOR UPDATE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '') in ('admin', 'manager')) or created_by = (select nullif(current_setting('app.current_user_id', true), ''))::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '') in ('admin', 'manager')) or created_by = (select nullif(current_setting('app.current_user_id', true), ''))::uuid));--> statement-breakpoint
-- 3. Custom part (not tracked by drizzle-kit). RLS forced like every table. A merge row is never deleted;
-- crm_app records the moved rows after moving them and stamps the undo, nothing else.
ALTER TABLE "merges" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT ON merges TO crm_app;--> statement-breakpoint
GRANT UPDATE (moved, undone_at, undone_by) ON merges TO crm_app;--> statement-breakpoint
CREATE TRIGGER set_updated_columns BEFORE UPDATE ON merges
  FOR EACH ROW EXECUTE FUNCTION set_updated_columns();--> statement-breakpoint
COMMENT ON POLICY "merges are visible to their author and tenant leads" ON "merges" IS 'A merge is undone by whoever made it or by an admin or manager; the records themselves are still read and changed under their own policies. Never deleted.';--> statement-breakpoint
COMMENT ON POLICY "merges are created by their author and tenant leads" ON "merges" IS 'A merge is undone by whoever made it or by an admin or manager; the records themselves are still read and changed under their own policies. Never deleted.';--> statement-breakpoint
COMMENT ON POLICY "merges are changed by their author and tenant leads" ON "merges" IS 'A merge is undone by whoever made it or by an admin or manager; the records themselves are still read and changed under their own policies. Never deleted.';--> statement-breakpoint

-- 4. An activity's contact, and a completed task's contact, change only as part of a merge or its undo:
-- the merge row naming that move was written by this very transaction (created_at = now(), or undone_at =
-- now() for the way back). Read as the invoker, under the merges policy. Everything else stays immutable.
CREATE FUNCTION merge_moves(p_entity text, p_tenant uuid, p_from uuid, p_to uuid) RETURNS boolean
LANGUAGE sql STABLE
AS $$
  SELECT EXISTS (
    SELECT 1 FROM merges m
     WHERE m.tenant_id = p_tenant AND m.entity = p_entity
       AND ((m.other_id = p_from AND m.survivor_id = p_to AND m.created_at = now() AND m.undone_at IS NULL)
         OR (m.other_id = p_to AND m.survivor_id = p_from AND m.undone_at = now())))
$$;--> statement-breakpoint
GRANT UPDATE (contact_id) ON activities TO crm_app;--> statement-breakpoint
CREATE OR REPLACE FUNCTION guard_activity_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE mutable text[] := ARRAY['deleted_at', 'archived_at', 'updated_at', 'updated_by', 'contact_id'];
BEGIN
  IF (to_jsonb(NEW) - mutable) IS DISTINCT FROM (to_jsonb(OLD) - mutable)
     OR (NEW.contact_id IS DISTINCT FROM OLD.contact_id
         AND NOT merge_moves('contact', NEW.tenant_id, OLD.contact_id, NEW.contact_id)) THEN
    RAISE EXCEPTION 'activities are immutable: only deleted_at and archived_at may be set (the contact by a merge)'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS DISTINCT FROM OLD.deleted_at)
     OR (OLD.archived_at IS NOT NULL AND NEW.archived_at IS DISTINCT FROM OLD.archived_at) THEN
    RAISE EXCEPTION 'activities: deleted_at and archived_at are set once' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION guard_task_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE mutable text[] := ARRAY['deleted_at', 'updated_at', 'updated_by', 'contact_id'];
BEGIN
  IF OLD.completed_at IS NOT NULL AND ((to_jsonb(NEW) - mutable) IS DISTINCT FROM (to_jsonb(OLD) - mutable)
     OR (NEW.contact_id IS DISTINCT FROM OLD.contact_id
         AND NOT merge_moves('contact', NEW.tenant_id, OLD.contact_id, NEW.contact_id))) THEN
    RAISE EXCEPTION 'tasks: a completed task is immutable: only deleted_at may be set (the contact by a merge)'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS DISTINCT FROM OLD.deleted_at THEN
    RAISE EXCEPTION 'tasks: deleted_at is set once' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint

-- 5. An activity moved to another contact is listed for that contact's owners (activity_owners, ADR 0102).
CREATE FUNCTION activity_owners_follow_contact_move() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  PERFORM refresh_activity_owners(NEW.tenant_id, ARRAY[NEW.id]);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER activity_owners_on_contact_move AFTER UPDATE OF contact_id ON activities
  FOR EACH ROW WHEN (OLD.contact_id IS DISTINCT FROM NEW.contact_id)
  EXECUTE FUNCTION activity_owners_follow_contact_move();--> statement-breakpoint
REVOKE ALL ON FUNCTION activity_owners_follow_contact_move() FROM PUBLIC;--> statement-breakpoint
GRANT CREATE ON SCHEMA public TO crm_summary;--> statement-breakpoint
ALTER FUNCTION activity_owners_follow_contact_move() OWNER TO crm_summary;--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM crm_summary;
--> statement-breakpoint

-- 6. A rep does not see a colleague's deal on the rep's own contact, so a rep's merge cannot move it; it must
-- not be left pointing at the merged contact either. This answers only whether such a deal exists (in the
-- bound tenant, on deals_tenant_id_contact_id_idx), as crm_summary; the merge then refuses (ADR 0172).
GRANT SELECT (tenant_id, contact_id) ON deals TO crm_summary;--> statement-breakpoint
CREATE FUNCTION merge_leaves_deals(p_contact uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT EXISTS (SELECT 1 FROM deals d
    WHERE d.tenant_id = nullif(current_setting('app.current_tenant_id', true), '')::uuid
      AND d.contact_id = p_contact)
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION merge_leaves_deals(uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION merge_leaves_deals(uuid) TO crm_app;--> statement-breakpoint
GRANT CREATE ON SCHEMA public TO crm_summary;--> statement-breakpoint
ALTER FUNCTION merge_leaves_deals(uuid) OWNER TO crm_summary;--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM crm_summary;
