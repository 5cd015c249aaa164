ALTER TABLE "users" ADD COLUMN "timezone" text;--> statement-breakpoint
-- Custom part (not tracked by drizzle-kit). crm_app reads and updates users column by column (0002, 0025:
-- every column but password_hash), so the new column joins both grants: a member reads and sets their own
-- time zone on the profile, NULL meaning the workspace's (ADR 0164).
GRANT SELECT (timezone), UPDATE (timezone) ON users TO crm_app;
