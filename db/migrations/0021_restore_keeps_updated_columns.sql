-- A workspace restore (ADR 0125) replays archived rows with their own updated_at/updated_by. Two of its
-- writes are not changes: a restored line item touching its deal so the database recomputes the total, and
-- an organization receiving its parent once both exist. Without this they would stamp the restore's time
-- and actor on every such row. The restore sets app.restore = 'on' in its own transaction only; an UPDATE
-- then keeps the row's previous updated pair. The flag can only keep earlier values, never write chosen
-- ones, so it gives no more than INSERT already does (created_at/updated_at are insertable).
CREATE OR REPLACE FUNCTION set_updated_columns() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE actor uuid := nullif(current_setting('app.current_user_id', true), '')::uuid;
BEGIN
  IF current_setting('app.restore', true) = 'on' THEN
    NEW.updated_at := OLD.updated_at;
    NEW.updated_by := OLD.updated_by;
    RETURN NEW;
  END IF;
  NEW.updated_at := now();
  IF actor IS NOT NULL THEN
    NEW.updated_by := actor;
  ELSIF NEW.updated_by IS NOT DISTINCT FROM OLD.updated_by THEN
    NEW.updated_by := NULL;
  END IF;
  RETURN NEW;
END
$$;
