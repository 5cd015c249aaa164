CREATE TABLE "pipeline_stage_totals" (
	"tenant_id" uuid NOT NULL,
	"process_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"status" "deal_status" NOT NULL,
	"by_creator" boolean NOT NULL,
	"user_id" uuid,
	"deal_count" integer DEFAULT 0 NOT NULL,
	"amount_total" numeric(20, 2) DEFAULT '0' NOT NULL,
	"weighted_total" numeric(22, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "pipeline_stage_totals_key" UNIQUE NULLS NOT DISTINCT("tenant_id","process_id","stage_id","status","by_creator","user_id")
);
--> statement-breakpoint
ALTER TABLE "pipeline_stage_totals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "pipeline_stage_totals" ADD CONSTRAINT "pipeline_stage_totals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipeline_stage_totals" ADD CONSTRAINT "pipeline_stage_totals_stage_fk" FOREIGN KEY ("tenant_id","process_id","stage_id") REFERENCES "public"."process_stages"("tenant_id","process_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "pipeline stage totals are visible to tenant leads or their user" ON "pipeline_stage_totals" AS PERMISSIVE FOR SELECT TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (((select nullif(current_setting('app.current_role', true), '')) in ('admin', 'manager') and not by_creator) or (not ((select nullif(current_setting('app.current_role', true), '')) in ('admin', 'manager')) and user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid)));