-- Pages read about as many rows as they return (issue 10, ADR 0100).
-- 1. Indexes for each list order and each way of owning a record: a lead pages the tenant, a rep the rows
--    assigned to them and those they handed over (small partial indexes); the close date as
--    greatest(close_date, '-infinity') (leakproof, so ranges and cursors on it are index conditions under
--    RLS); open deals by close date (closed_at is null, which RLS lets the planner match, unlike the status
--    enum); the tenant's latest activities. Ordered indexes end (…, id) desc nulls last like the others, and
--    the deal list's hold live deals only. Dropped: the board by creation date, status + close date and
--    close date (replaced by the close-key indexes; the status enum is never an index condition under RLS).
-- 2. The trigram indexes carry the owner columns, so a rep's search reads only the rep's matches.
-- 3. Policies using isTeamLead (deals, contacts, activities, price history, pipeline stage totals): the
--    role test moves inside its sub-select. Same rows visible to the same people; the planner now estimates the lead test as a boolean
--    (true half the time) rather than `$role = ANY (…)` (1%), which made it plan every list for a tenant
--    fifty times smaller than it is and choose to sort whole tenants.
-- 4. In a prepared statement's generic plan every index with the right columns looks equally good (one
--    estimated row each), so the list's index families are told apart by their predicates: a lead's hold
--    live deals, a rep's assigned ones, the handed-over ones theirs (db/schema/deals-page-indexes.ts).
DROP INDEX "deals_tenant_id_process_stage_idx";--> statement-breakpoint
DROP INDEX "deals_tenant_id_status_close_date_idx";--> statement-breakpoint
DROP INDEX "deals_tenant_id_close_date_idx";--> statement-breakpoint
DROP INDEX "contacts_tenant_id_assigned_user_id_idx";--> statement-breakpoint
DROP INDEX "contacts_tenant_id_organization_id_idx";--> statement-breakpoint
DROP INDEX "contacts_full_name_trgm_idx";--> statement-breakpoint
DROP INDEX "contacts_email_trgm_idx";--> statement-breakpoint
DROP INDEX "contacts_phone_digits_trgm_idx";--> statement-breakpoint
DROP INDEX "deals_tenant_id_created_at_idx";--> statement-breakpoint
DROP INDEX "deals_tenant_id_updated_at_idx";--> statement-breakpoint
DROP INDEX "deals_tenant_id_process_stage_updated_idx";--> statement-breakpoint
DROP INDEX "deals_tenant_id_assigned_user_id_idx";--> statement-breakpoint
DROP INDEX "deals_name_trgm_idx";--> statement-breakpoint
CREATE INDEX "activities_tenant_id_occurred_at_idx" ON "activities" USING btree ("tenant_id","occurred_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "contacts_tenant_id_handed_over_idx" ON "contacts" USING btree ("tenant_id","created_by","created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE created_by is distinct from assigned_user_id;--> statement-breakpoint
CREATE INDEX "deals_tenant_id_process_updated_idx" ON "deals" USING btree ("tenant_id","process_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "deals_tenant_id_close_key_idx" ON "deals" USING btree ("tenant_id",(greatest(close_date, '-infinity'::date)) desc nulls last,"id" DESC NULLS LAST) WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "deals_tenant_id_amount_idx" ON "deals" USING btree ("tenant_id","amount" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "deals_tenant_id_assigned_updated_idx" ON "deals" USING btree ("tenant_id","assigned_user_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE assigned_user_id is not null;--> statement-breakpoint
CREATE INDEX "deals_tenant_id_assigned_close_key_idx" ON "deals" USING btree ("tenant_id","assigned_user_id",(greatest(close_date, '-infinity'::date)) desc nulls last,"id" DESC NULLS LAST) WHERE assigned_user_id is not null;--> statement-breakpoint
CREATE INDEX "deals_tenant_id_assigned_amount_idx" ON "deals" USING btree ("tenant_id","assigned_user_id","amount" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE assigned_user_id is not null;--> statement-breakpoint
CREATE INDEX "deals_tenant_id_assigned_process_idx" ON "deals" USING btree ("tenant_id","assigned_user_id","process_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE assigned_user_id is not null;--> statement-breakpoint
CREATE INDEX "deals_tenant_id_assigned_stage_idx" ON "deals" USING btree ("tenant_id","assigned_user_id","process_id","stage_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE assigned_user_id is not null;--> statement-breakpoint
CREATE INDEX "deals_tenant_id_assigned_open_close_key_idx" ON "deals" USING btree ("tenant_id","assigned_user_id",(greatest(close_date, '-infinity'::date)) desc nulls last,"id" DESC NULLS LAST) WHERE closed_at is null and assigned_user_id is not null;--> statement-breakpoint
CREATE INDEX "deals_tenant_id_handed_over_updated_idx" ON "deals" USING btree ("tenant_id","created_by","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE created_by is distinct from assigned_user_id;--> statement-breakpoint
CREATE INDEX "deals_tenant_id_handed_over_created_idx" ON "deals" USING btree ("tenant_id","created_by","created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE created_by is distinct from assigned_user_id;--> statement-breakpoint
CREATE INDEX "deals_tenant_id_handed_over_close_key_idx" ON "deals" USING btree ("tenant_id","created_by",(greatest(close_date, '-infinity'::date)) desc nulls last,"id" DESC NULLS LAST) WHERE created_by is distinct from assigned_user_id;--> statement-breakpoint
CREATE INDEX "deals_tenant_id_handed_over_amount_idx" ON "deals" USING btree ("tenant_id","created_by","amount" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE created_by is distinct from assigned_user_id;--> statement-breakpoint
CREATE INDEX "contacts_tenant_id_assigned_user_id_idx" ON "contacts" USING btree ("tenant_id","assigned_user_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "contacts_tenant_id_organization_id_idx" ON "contacts" USING btree ("tenant_id","organization_id","assigned_user_id");--> statement-breakpoint
CREATE INDEX "contacts_full_name_trgm_idx" ON "contacts" USING gin ("tenant_id","assigned_user_id","created_by","full_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_email_trgm_idx" ON "contacts" USING gin ("tenant_id","assigned_user_id","created_by",(email::text) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_phone_digits_trgm_idx" ON "contacts" USING gin ("tenant_id","assigned_user_id","created_by",(regexp_replace(phone, '\D', '', 'g')) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "deals_tenant_id_created_at_idx" ON "deals" USING btree ("tenant_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "deals_tenant_id_updated_at_idx" ON "deals" USING btree ("tenant_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "deals_tenant_id_process_stage_updated_idx" ON "deals" USING btree ("tenant_id","process_id","stage_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "deals_tenant_id_assigned_user_id_idx" ON "deals" USING btree ("tenant_id","assigned_user_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE assigned_user_id is not null;--> statement-breakpoint
CREATE INDEX "deals_name_trgm_idx" ON "deals" USING gin ("tenant_id","assigned_user_id","created_by","name" gin_trgm_ops);--> statement-breakpoint
ALTER POLICY "activities are visible to those who see the contact or deal" ON "activities" TO crm_app USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '') in ('admin', 'manager'))
        or exists (select 1 from contacts c
          where c.tenant_id = activities.tenant_id and c.id = activities.contact_id)
        or exists (select 1 from deals d
          where d.tenant_id = activities.tenant_id and d.id = activities.deal_id)));--> statement-breakpoint
ALTER POLICY "activities are created by those who see the contact or deal" ON "activities" TO crm_app WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '') in ('admin', 'manager'))
        or exists (select 1 from contacts c
          where c.tenant_id = activities.tenant_id and c.id = activities.contact_id)
        or exists (select 1 from deals d
          where d.tenant_id = activities.tenant_id and d.id = activities.deal_id)));--> statement-breakpoint
ALTER POLICY "activities are changed by those who see the contact or deal" ON "activities" TO crm_app USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '') in ('admin', 'manager'))
        or exists (select 1 from contacts c
          where c.tenant_id = activities.tenant_id and c.id = activities.contact_id)
        or exists (select 1 from deals d
          where d.tenant_id = activities.tenant_id and d.id = activities.deal_id))) WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '') in ('admin', 'manager'))
        or exists (select 1 from contacts c
          where c.tenant_id = activities.tenant_id and c.id = activities.contact_id)
        or exists (select 1 from deals d
          where d.tenant_id = activities.tenant_id and d.id = activities.deal_id)));--> statement-breakpoint
ALTER POLICY "contacts are visible to their owner and tenant leads" ON "contacts" TO crm_app USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '') in ('admin', 'manager')) or (assigned_user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid or created_by = (select nullif(current_setting('app.current_user_id', true), ''))::uuid)));--> statement-breakpoint
ALTER POLICY "contacts are created by their owner and tenant leads" ON "contacts" TO crm_app WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '') in ('admin', 'manager')) or (assigned_user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid or created_by = (select nullif(current_setting('app.current_user_id', true), ''))::uuid)));--> statement-breakpoint
ALTER POLICY "contacts are changed by their owner and tenant leads" ON "contacts" TO crm_app USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '') in ('admin', 'manager')) or (assigned_user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid or created_by = (select nullif(current_setting('app.current_user_id', true), ''))::uuid))) WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '') in ('admin', 'manager')) or (assigned_user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid or created_by = (select nullif(current_setting('app.current_user_id', true), ''))::uuid)));--> statement-breakpoint
ALTER POLICY "deals are visible to their owner and tenant leads" ON "deals" TO crm_app USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '') in ('admin', 'manager')) or (assigned_user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid or created_by = (select nullif(current_setting('app.current_user_id', true), ''))::uuid)));--> statement-breakpoint
ALTER POLICY "deals are created by their owner and tenant leads" ON "deals" TO crm_app WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '') in ('admin', 'manager')) or (assigned_user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid or created_by = (select nullif(current_setting('app.current_user_id', true), ''))::uuid)));--> statement-breakpoint
ALTER POLICY "deals are changed by their owner and tenant leads" ON "deals" TO crm_app USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '') in ('admin', 'manager')) or (assigned_user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid or created_by = (select nullif(current_setting('app.current_user_id', true), ''))::uuid))) WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '') in ('admin', 'manager')) or (assigned_user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid or created_by = (select nullif(current_setting('app.current_user_id', true), ''))::uuid)));--> statement-breakpoint
ALTER POLICY "pipeline stage totals are visible to tenant leads or their user" ON "pipeline_stage_totals" TO crm_app USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (((select nullif(current_setting('app.current_role', true), '') in ('admin', 'manager')) and not by_creator) or (not ((select nullif(current_setting('app.current_role', true), '') in ('admin', 'manager'))) and user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid)));--> statement-breakpoint
ALTER POLICY "price history are visible to tenant admins and managers" ON "product_price_history" TO crm_app USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (select nullif(current_setting('app.current_role', true), '') in ('admin', 'manager')));