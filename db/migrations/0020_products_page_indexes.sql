-- The products list's order (name, id) on an index for leads (every product) and for reps (active ones):
-- the page is read first and joined to its blueprints after (issue 10, ADR 0100).
DROP INDEX "products_tenant_id_active_name_idx";--> statement-breakpoint
CREATE INDEX "products_tenant_id_name_idx" ON "products" USING btree ("tenant_id","name","id");--> statement-breakpoint
CREATE INDEX "products_tenant_id_active_name_idx" ON "products" USING btree ("tenant_id","is_active","name","id");