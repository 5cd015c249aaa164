CREATE TABLE "idempotency_keys" (
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer,
	"response_body" text,
	"content_type" text,
	"location" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY("tenant_id","user_id","key")
);
--> statement-breakpoint
ALTER TABLE "idempotency_keys" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_user_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_at_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE POLICY "idempotency keys are visible to their own user" ON "idempotency_keys" AS PERMISSIVE FOR SELECT TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "idempotency keys are created by their own user" ON "idempotency_keys" AS PERMISSIVE FOR INSERT TO "crm_app" WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "idempotency keys are changed by their own user" ON "idempotency_keys" AS PERMISSIVE FOR UPDATE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid) WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid);--> statement-breakpoint
-- Custom part (not tracked by drizzle-kit): RLS forced, so even the owner obeys the policies; crm_app reads,
-- claims and answers its own keys (no DELETE: keys expire); crm_platform (maintenance) purges expired ones.
ALTER TABLE "idempotency_keys" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON idempotency_keys TO crm_app;--> statement-breakpoint
GRANT SELECT, DELETE ON idempotency_keys TO crm_platform;--> statement-breakpoint
COMMENT ON POLICY "idempotency keys are visible to their own user" ON "idempotency_keys" IS 'A key is private to the user who sent it: replaying another user’s answer would leak it. Update re-claims an expired key; the scheduled purge deletes (crm_platform).';--> statement-breakpoint
COMMENT ON POLICY "idempotency keys are created by their own user" ON "idempotency_keys" IS 'A key is private to the user who sent it: replaying another user’s answer would leak it. Update re-claims an expired key; the scheduled purge deletes (crm_platform).';--> statement-breakpoint
COMMENT ON POLICY "idempotency keys are changed by their own user" ON "idempotency_keys" IS 'A key is private to the user who sent it: replaying another user’s answer would leak it. Update re-claims an expired key; the scheduled purge deletes (crm_platform).';
