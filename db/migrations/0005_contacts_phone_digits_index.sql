DROP INDEX "contacts_phone_trgm_idx";--> statement-breakpoint
CREATE INDEX "contacts_phone_digits_trgm_idx" ON "contacts" USING gin ("tenant_id",(regexp_replace(phone, '\D', '', 'g')) gin_trgm_ops);