CREATE TABLE "login_backoff" (
	"account" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"locked_until" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "login_backoff" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
-- Custom part (not tracked by drizzle-kit), issue 11.
-- login_backoff: per-account failed-login state (ADR 0147). Not tenant data: only the privileged path
-- (crm_platform, which bypasses RLS) reads and writes it; RLS forced so no other role sees a row.
ALTER TABLE "login_backoff" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON login_backoff TO crm_platform;--> statement-breakpoint
-- Secrets crm_app never needs (ADR 0148): it may read every column of users except password_hash (login
-- and resets verify and set it through crm_platform) and every column of api_tokens except token_hash
-- (bearer tokens are checked by the crm_identity definer function). A table grant covers all columns, so
-- it is replaced by column grants computed from the catalogue: every column but the secret.
REVOKE SELECT ON users FROM crm_app;--> statement-breakpoint
REVOKE UPDATE (password_hash) ON users FROM crm_app;--> statement-breakpoint
REVOKE SELECT ON api_tokens FROM crm_app;--> statement-breakpoint
DO $$
DECLARE
  secret record;
BEGIN
  FOR secret IN SELECT * FROM (VALUES ('users', 'password_hash'), ('api_tokens', 'token_hash')) AS s(tbl, col) LOOP
    EXECUTE (
      SELECT format('GRANT SELECT (%s) ON %I TO crm_app', string_agg(quote_ident(column_name), ', '), secret.tbl)
      FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = secret.tbl AND column_name <> secret.col
    );
  END LOOP;
END
$$;
