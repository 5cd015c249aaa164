-- GDPR for one contact (issue 15, ADR 0173): erasure (right to be forgotten) and the part of the access export
-- that crm_app cannot read (other members' notifications about the contact).
--
-- The audit log and activities stay append-only for crm_app (no UPDATE/DELETE grant, ADR 0012). Erasure is
-- the one named exception: erase_contact(), a SECURITY DEFINER function owned by crm_privacy, a role that owns
-- nothing else and cannot log in. Only crm_app may execute it, it acts only in the bound tenant
-- (app.current_tenant_id) and only for an admin (app.current_role, set by bind_credential from the database's
-- own facts), and it refuses a contact that is not of that tenant. The append-only guard lets crm_privacy
-- delete activities and rewrite the before/after payloads of audit_log rows (nothing else of them), so the
-- audit rows themselves survive with a pseudonym where the personal values were.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'crm_privacy') THEN
    CREATE ROLE crm_privacy NOLOGIN NOSUPERUSER BYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
  -- The migrating role must be able to SET ROLE crm_privacy to hand it the functions (ALTER … OWNER).
  IF NOT pg_has_role(current_user, 'crm_privacy', 'MEMBER') THEN
    EXECUTE format('GRANT crm_privacy TO %I', current_user);
  END IF;
END
$$;--> statement-breakpoint

-- What erase_contact reads and writes, and nothing more. BYPASSRLS: every statement names the tenant.
GRANT SELECT, DELETE ON contacts TO crm_privacy;--> statement-breakpoint
GRANT SELECT (tenant_id, id, contact_id, subject, description), DELETE ON activities TO crm_privacy;--> statement-breakpoint
GRANT SELECT (tenant_id, id, contact_id, subject, notes), DELETE ON tasks TO crm_privacy;--> statement-breakpoint
GRANT SELECT (tenant_id, task_id), DELETE ON task_reminders TO crm_privacy;--> statement-breakpoint
GRANT SELECT, DELETE ON notifications TO crm_privacy;--> statement-breakpoint
GRANT SELECT (tenant_id, id, contact_id) ON deals TO crm_privacy;--> statement-breakpoint
GRANT SELECT, UPDATE (before, after) ON audit_log TO crm_privacy;--> statement-breakpoint
GRANT SELECT (tenant_id, id, subject, html, text), UPDATE (subject, html, text) ON email_outbox TO crm_privacy;--> statement-breakpoint
GRANT SELECT (tenant_id, user_id, key, response_body), DELETE ON idempotency_keys TO crm_privacy;--> statement-breakpoint
GRANT SELECT (tenant_id, survivor_id, other_id, survivor_before, survivor_after), UPDATE (survivor_before, survivor_after) ON merges TO crm_privacy;--> statement-breakpoint
-- import_rows (created by 0036, which grants its columns): plpgsql resolves the table when erase_contact runs.

-- The append-only guard (0002), with one more way out: crm_privacy, which only erase_contact runs as, may
-- delete activities and change an audit row's before/after (every other column must stay as it was).
CREATE OR REPLACE FUNCTION refuse_append_only_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE payload text[] := ARRAY['before', 'after', 'updated_at', 'updated_by'];
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('app.purge', true) = 'on' AND current_user <> 'crm_app' THEN
    RETURN OLD;
  END IF;
  IF current_user = 'crm_privacy' THEN
    IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'activities' THEN
      RETURN OLD;
    END IF;
    IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'audit_log'
       AND (to_jsonb(NEW) - payload) = (to_jsonb(OLD) - payload) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint

-- A text with every occurrence of the given values replaced by the pseudonym, case-insensitively. A value of
-- three characters or more is replaced where it stands as a whole token (not inside a longer word: "Ann"
-- leaves "Annual" alone); a shorter one only where it is the whole text.
CREATE FUNCTION erase_values_in_text(s text, vals text[], pseudonym text) RETURNS text
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE v text;
BEGIN
  IF s IS NULL THEN
    RETURN NULL;
  END IF;
  FOREACH v IN ARRAY vals LOOP
    CONTINUE WHEN v IS NULL OR v = '';
    IF lower(s) = lower(v) THEN
      RETURN pseudonym;
    END IF;
    IF length(v) >= 3 AND strpos(lower(s), lower(v)) > 0 THEN
      s := regexp_replace(s,
        '(^|[^[:alnum:]_])' || regexp_replace(v, '([^[:alnum:][:space:]])', '\\\1', 'g') || '($|[^[:alnum:]_])',
        '\1' || pseudonym || '\2', 'gi');
      -- Adjacent occurrences share the separator the first match consumed: a second pass takes them.
      s := regexp_replace(s,
        '(^|[^[:alnum:]_])' || regexp_replace(v, '([^[:alnum:][:space:]])', '\\\1', 'g') || '($|[^[:alnum:]_])',
        '\1' || pseudonym || '\2', 'gi');
    END IF;
  END LOOP;
  RETURN s;
END
$$;--> statement-breakpoint

-- A JSON value with the given values replaced in every string (keys are left alone). With redact, every
-- string under a key that holds a person's details or free text about them becomes the pseudonym outright.
CREATE FUNCTION erase_values_in_json(j jsonb, vals text[], pseudonym text, redact boolean) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  personal text[] := ARRAY['email', 'phone', 'firstName', 'lastName', 'fullName', 'name', 'title',
    'subject', 'description', 'notes', 'customFields', 'contactName'];
  out jsonb;
  k text;
  v jsonb;
BEGIN
  CASE jsonb_typeof(j)
    WHEN 'object' THEN
      out := '{}'::jsonb;
      FOR k, v IN SELECT e.key, e.value FROM jsonb_each(j) e LOOP
        IF redact AND k = ANY (personal) THEN
          out := out || jsonb_build_object(k, erase_values_in_json(v, vals, pseudonym, NULL::boolean));
        ELSE
          out := out || jsonb_build_object(k, erase_values_in_json(v, vals, pseudonym, redact));
        END IF;
      END LOOP;
      RETURN out;
    WHEN 'array' THEN
      SELECT coalesce(jsonb_agg(erase_values_in_json(e.value, vals, pseudonym, redact) ORDER BY e.n), '[]'::jsonb)
        INTO out FROM jsonb_array_elements(j) WITH ORDINALITY AS e(value, n);
      RETURN out;
    WHEN 'string' THEN
      -- redact IS NULL: a string under a personal key, replaced whole.
      IF redact IS NULL THEN
        RETURN to_jsonb(pseudonym);
      END IF;
      RETURN to_jsonb(erase_values_in_text(j #>> '{}', vals, pseudonym));
    WHEN 'number' THEN
      -- A number under a personal key (a custom field's value) is theirs too.
      RETURN CASE WHEN redact IS NULL THEN to_jsonb(pseudonym) ELSE j END;
    ELSE
      RETURN j;
  END CASE;
END
$$;--> statement-breakpoint

-- The erasure itself, in the caller's transaction (the API writes the contact.erased audit row and unlinks the
-- contact's deals in the same one, before calling this). No row when the contact is not of the bound tenant.
CREATE FUNCTION erase_contact(contact uuid)
RETURNS TABLE (pseudonym text, activities integer, tasks integer, notifications integer, audit_entries integer,
  emails integer, idempotency_keys integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  tenant uuid := nullif(current_setting('app.current_tenant_id', true), '')::uuid;
  c contacts%ROWTYPE;
  alias text;
  identifiers text[];
  details text[];
  html_identifiers text[];
  activity_ids uuid[];
  task_ids uuid[];
  about uuid[];
  n_activities integer;
  n_tasks integer;
  n_notifications integer;
  n_audit integer;
  n_emails integer;
  n_keys integer;
BEGIN
  IF tenant IS NULL OR current_setting('app.current_role', true) IS DISTINCT FROM 'admin' THEN
    RAISE EXCEPTION 'erase_contact: only an admin of the bound tenant may erase a contact'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- The caller has locked the row (eraseContact reads it FOR UPDATE as crm_app): its values cannot change now.
  SELECT * INTO c FROM contacts x WHERE x.tenant_id = tenant AND x.id = contact;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  IF EXISTS (SELECT 1 FROM deals d WHERE d.tenant_id = tenant AND d.contact_id = contact) THEN
    RAISE EXCEPTION 'erase_contact: unlink the contact''s deals first' USING ERRCODE = 'object_in_use';
  END IF;
  alias := 'erased:' || left(encode(sha256(convert_to(tenant::text || ':' || contact::text, 'UTF8')), 'hex'), 16);

  -- Who they are: today's values and every earlier one the audit trail recorded about them.
  SELECT array_agg(DISTINCT v) FILTER (WHERE v IS NOT NULL AND v <> '') INTO identifiers FROM (
    SELECT unnest(ARRAY[c.email::text, c.phone, c.full_name, c.first_name, c.last_name]) AS v
    UNION ALL
    SELECT p.value #>> '{}' FROM audit_log a
      CROSS JOIN LATERAL (SELECT a.before AS j UNION ALL SELECT a.after) AS side
      CROSS JOIN LATERAL jsonb_each(CASE WHEN jsonb_typeof(side.j) = 'object' THEN side.j ELSE '{}' END) AS p
      WHERE a.tenant_id = tenant AND a.entity_type = 'contact' AND a.entity_id = contact
        AND p.key IN ('email', 'phone', 'fullName', 'firstName', 'lastName') AND jsonb_typeof(p.value) = 'string'
  ) AS found;
  identifiers := coalesce(identifiers, ARRAY[]::text[]);
  -- As an HTML e-mail shows them (api/src/lib/email/templates.ts escapeHtml).
  SELECT coalesce(array_agg(replace(replace(replace(replace(replace(v, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'),
    '"', '&quot;'), '''', '&#39;')), ARRAY[]::text[]) INTO html_identifiers FROM unnest(identifiers) AS v;
  -- What else is about them only: their title and custom field values.
  SELECT coalesce(array_agg(v) FILTER (WHERE v IS NOT NULL AND v <> ''), ARRAY[]::text[]) INTO details FROM (
    SELECT c.title AS v
    UNION ALL
    SELECT e.value #>> '{}' FROM jsonb_each(c.custom_fields) e WHERE jsonb_typeof(e.value) IN ('string', 'number')
  ) AS own;

  SELECT coalesce(array_agg(a.id), ARRAY[]::uuid[]) INTO activity_ids
    FROM activities a WHERE a.tenant_id = tenant AND a.contact_id = contact;
  SELECT coalesce(array_agg(k.id), ARRAY[]::uuid[]) INTO task_ids
    FROM tasks k WHERE k.tenant_id = tenant AND k.contact_id = contact;
  about := ARRAY[contact] || activity_ids || task_ids;

  -- Audit rows: kept, their payloads rewritten. Rows about the contact, their activities and tasks lose every
  -- personal field; any other row of the tenant loses the identifiers wherever they appear.
  WITH changed AS (
    UPDATE audit_log a SET
      before = erase_values_in_json(a.before, identifiers || details, alias, true),
      after = erase_values_in_json(a.after, identifiers || details, alias, true)
    WHERE a.tenant_id = tenant AND a.entity_id = ANY (about)
      AND (a.before IS NOT NULL OR a.after IS NOT NULL)
    RETURNING 1
  ) SELECT count(*) INTO n_audit FROM changed;
  WITH changed AS (
    UPDATE audit_log a SET
      before = erase_values_in_json(a.before, identifiers, alias, false),
      after = erase_values_in_json(a.after, identifiers, alias, false)
    WHERE a.tenant_id = tenant AND (a.entity_id IS NULL OR a.entity_id <> ALL (about))
      AND EXISTS (SELECT 1 FROM unnest(identifiers) v
        WHERE strpos(lower(coalesce(a.before::text, '') || ' ' || coalesce(a.after::text, '')), lower(v)) > 0)
    RETURNING 1
  ) SELECT n_audit + count(*) INTO n_audit FROM changed;

  -- Notifications about them or their tasks, the tasks' reminders, the tasks, the activities, the contact.
  WITH gone AS (
    DELETE FROM notifications x
    WHERE x.tenant_id = tenant AND (x.contact_id = contact OR x.task_id = ANY (task_ids))
    RETURNING 1
  ) SELECT count(*) INTO n_notifications FROM gone;
  DELETE FROM task_reminders r WHERE r.tenant_id = tenant AND r.task_id = ANY (task_ids);
  WITH gone AS (
    DELETE FROM tasks k WHERE k.tenant_id = tenant AND k.id = ANY (task_ids) RETURNING 1
  ) SELECT count(*) INTO n_tasks FROM gone;
  WITH gone AS (
    DELETE FROM activities a WHERE a.tenant_id = tenant AND a.id = ANY (activity_ids) RETURNING 1
  ) SELECT count(*) INTO n_activities FROM gone;
  DELETE FROM contacts x WHERE x.tenant_id = tenant AND x.id = contact;

  -- E-mails already queued or sent by this workspace (notifications name the contact).
  WITH changed AS (
    UPDATE email_outbox o SET
      subject = erase_values_in_text(o.subject, identifiers, alias),
      text = erase_values_in_text(o.text, identifiers, alias),
      html = erase_values_in_text(erase_values_in_text(o.html, html_identifiers, alias), identifiers, alias)
    WHERE o.tenant_id = tenant
      AND EXISTS (SELECT 1 FROM unnest(identifiers || html_identifiers) v
        WHERE strpos(lower(o.subject || ' ' || o.text || ' ' || o.html), lower(v)) > 0)
    RETURNING 1
  ) SELECT count(*) INTO n_emails FROM changed;

  -- Stored answers to retried creates (24 h, ADR 0130) that carry the contact or its records.
  WITH gone AS (
    DELETE FROM idempotency_keys i
    WHERE i.tenant_id = tenant AND i.response_body IS NOT NULL
      AND EXISTS (SELECT 1 FROM unnest(identifiers || (SELECT array_agg(x::text) FROM unnest(about) x)) v
        WHERE strpos(lower(i.response_body), lower(v)) > 0)
    RETURNING 1
  ) SELECT count(*) INTO n_keys FROM gone;

  -- Import files (ADR 0174): the rows that wrote or updated them, or that carry their e-mail or name (a row
  -- skipped or rejected as a duplicate), keep their row but lose the values; the values an update replaced too.
  UPDATE import_rows r SET
    cells = (SELECT coalesce(jsonb_agg(to_jsonb(erase_values_in_text(e.x, identifiers || details, alias)) ORDER BY e.n),
                             '[]'::jsonb)
               FROM jsonb_array_elements_text(r.cells) WITH ORDINALITY AS e(x, n)),
    before = erase_values_in_json(r.before, identifiers || details, alias, true)
  WHERE r.tenant_id = tenant
    AND (r.record_id = contact
      OR EXISTS (SELECT 1 FROM unnest(ARRAY[c.email::text, c.full_name]) v
                  WHERE v IS NOT NULL AND strpos(lower(r.cells::text), lower(v)) > 0));
  -- Merges (ADR 0172) they took part in: the undo state holds their values.
  UPDATE merges m SET
    survivor_before = erase_values_in_json(m.survivor_before, identifiers || details, alias, true),
    survivor_after = erase_values_in_json(m.survivor_after, identifiers || details, alias, true)
  WHERE m.tenant_id = tenant AND (m.survivor_id = contact OR m.other_id = contact);

  RETURN QUERY SELECT alias, n_activities, n_tasks, n_notifications, n_audit, n_emails, n_keys;
END
$$;--> statement-breakpoint

-- The access export's notifications: every member's notifications about the contact (crm_app reads only its
-- own). Ids and timestamps only, as a notification holds. Admins of the bound tenant only.
CREATE FUNCTION contact_notifications(contact uuid)
RETURNS TABLE (id uuid, kind text, recipient_user_id uuid, actor_user_id uuid, deal_id uuid, task_id uuid,
  read_at timestamptz, created_at timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE tenant uuid := nullif(current_setting('app.current_tenant_id', true), '')::uuid;
BEGIN
  IF tenant IS NULL OR current_setting('app.current_role', true) IS DISTINCT FROM 'admin' THEN
    RAISE EXCEPTION 'contact_notifications: admins of the bound tenant only' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN QUERY
    SELECT n.id, n.kind, n.recipient_user_id, n.actor_user_id, n.deal_id, n.task_id, n.read_at, n.created_at
    FROM notifications n
    WHERE n.tenant_id = tenant AND (n.contact_id = contact
      OR n.task_id IN (SELECT k.id FROM tasks k WHERE k.tenant_id = tenant AND k.contact_id = contact))
    ORDER BY n.created_at, n.id;
END
$$;--> statement-breakpoint

ALTER FUNCTION erase_values_in_text(text, text[], text) OWNER TO crm_privacy;--> statement-breakpoint
ALTER FUNCTION erase_values_in_json(jsonb, text[], text, boolean) OWNER TO crm_privacy;--> statement-breakpoint
ALTER FUNCTION erase_contact(uuid) OWNER TO crm_privacy;--> statement-breakpoint
ALTER FUNCTION contact_notifications(uuid) OWNER TO crm_privacy;--> statement-breakpoint
REVOKE ALL ON FUNCTION erase_values_in_text(text, text[], text) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION erase_values_in_json(jsonb, text[], text, boolean) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION erase_contact(uuid) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION contact_notifications(uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION erase_contact(uuid) TO crm_app;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION contact_notifications(uuid) TO crm_app;
