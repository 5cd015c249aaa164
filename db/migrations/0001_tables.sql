CREATE TYPE "public"."activity_type" AS ENUM('call', 'email', 'meeting', 'note');--> statement-breakpoint
CREATE TYPE "public"."custom_field_entity" AS ENUM('organization', 'contact', 'deal', 'product');--> statement-breakpoint
CREATE TYPE "public"."custom_field_type" AS ENUM('text', 'number', 'date', 'select');--> statement-breakpoint
CREATE TYPE "public"."deal_status" AS ENUM('open', 'won', 'lost');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'sending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."stage_kind" AS ENUM('open', 'won', 'lost');--> statement-breakpoint
CREATE TYPE "public"."tenant_status" AS ENUM('prospect', 'pending', 'active', 'suspended', 'deleted');--> statement-breakpoint
CREATE TYPE "public"."contract_status" AS ENUM('none', 'signed');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('admin', 'manager', 'rep');--> statement-breakpoint
CREATE TYPE "public"."user_status" AS ENUM('active', 'deactivated');--> statement-breakpoint
CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"deal_id" uuid,
	"type" "activity_type" NOT NULL,
	"subject" text,
	"description" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"participant_user_id" uuid,
	"archived_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"updated_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	CONSTRAINT "activities_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "activities" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"actor_user_id" uuid,
	"action" text NOT NULL,
	"entity_type" text,
	"entity_id" uuid,
	"before" jsonb,
	"after" jsonb,
	"ip" "inet",
	"request_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"updated_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	CONSTRAINT "audit_log_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "platform_audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"actor_user_id" uuid,
	"action" text NOT NULL,
	"target_tenant_id" uuid,
	"target_user_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ip" "inet",
	"request_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"updated_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid
);
--> statement-breakpoint
ALTER TABLE "platform_audit_log" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"last_used_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"updated_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "api_tokens_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "email_verification_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"updated_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"token_hash" text NOT NULL,
	"email" "citext" NOT NULL,
	CONSTRAINT "email_verification_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "email_verification_tokens" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"email" "citext" NOT NULL,
	"role" "user_role" NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"invited_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"updated_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	CONSTRAINT "invitations_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "invitations_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "invitations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "password_reset_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"updated_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"token_hash" text NOT NULL,
	CONSTRAINT "password_reset_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "password_reset_tokens" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"tenant_id" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"elevated_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"updated_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid
);
--> statement-breakpoint
ALTER TABLE "sessions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "step_up_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"updated_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "step_up_codes_attempts_non_negative" CHECK (attempts >= 0)
);
--> statement-breakpoint
ALTER TABLE "step_up_codes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text,
	"full_name" text GENERATED ALWAYS AS (first_name || coalesce(' ' || last_name, '')) STORED NOT NULL,
	"email" "citext",
	"phone" text,
	"title" text,
	"organization_id" uuid,
	"assigned_user_id" uuid,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"updated_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	CONSTRAINT "contacts_tenant_id_id_key" UNIQUE("tenant_id","id"),
	CONSTRAINT "contacts_custom_fields_object" CHECK (jsonb_typeof(custom_fields) = 'object')
);
--> statement-breakpoint
ALTER TABLE "contacts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "custom_field_definitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"entity" "custom_field_entity" NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"type" "custom_field_type" NOT NULL,
	"options" text[] DEFAULT '{}'::text[] NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"updated_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	CONSTRAINT "custom_field_definitions_tenant_id_id_key" UNIQUE("tenant_id","id"),
	CONSTRAINT "custom_field_definitions_tenant_entity_key_key" UNIQUE("tenant_id","entity","key"),
	CONSTRAINT "custom_field_definitions_key_format" CHECK (key ~ '^[a-z][a-z0-9_]{0,62}$'),
	CONSTRAINT "custom_field_definitions_select_has_options" CHECK (type <> 'select' or cardinality(options) > 0)
);
--> statement-breakpoint
ALTER TABLE "custom_field_definitions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "deal_stage_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"deal_id" uuid NOT NULL,
	"from_process_id" uuid,
	"to_process_id" uuid NOT NULL,
	"from_stage_id" uuid,
	"to_stage_id" uuid NOT NULL,
	"from_stage_name" text,
	"to_stage_name" text NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"probability" integer NOT NULL,
	"changed_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"updated_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	CONSTRAINT "deal_stage_history_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "deal_stage_history" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "deals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"amount" numeric(14, 2) DEFAULT '0' NOT NULL,
	"currency" char(3) DEFAULT 'USD' NOT NULL,
	"process_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"close_date" date,
	"probability" integer DEFAULT 0 NOT NULL,
	"contact_id" uuid,
	"organization_id" uuid,
	"assigned_user_id" uuid,
	"notes" text,
	"status" "deal_status" DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_stage_name" text,
	"closed_probability" integer,
	"final_amount" numeric(14, 2),
	"line_items_total" numeric(14, 2) DEFAULT '0' NOT NULL,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"updated_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	CONSTRAINT "deals_tenant_id_id_key" UNIQUE("tenant_id","id"),
	CONSTRAINT "deals_probability_range" CHECK (probability between 0 and 100),
	CONSTRAINT "deals_closed_probability_range" CHECK (closed_probability between 0 and 100),
	CONSTRAINT "deals_amount_non_negative" CHECK (amount >= 0),
	CONSTRAINT "deals_closed_at_matches_status" CHECK ((status = 'open') = (closed_at is null)),
	CONSTRAINT "deals_currency_iso" CHECK (currency ~ '^[A-Z]{3}$'),
	CONSTRAINT "deals_custom_fields_object" CHECK (jsonb_typeof(custom_fields) = 'object')
);
--> statement-breakpoint
ALTER TABLE "deals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "deal_line_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"deal_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"sku_snapshot" text NOT NULL,
	"name_snapshot" text NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"list_price" numeric(14, 2) NOT NULL,
	"unit_price" numeric(14, 2) NOT NULL,
	"extended_price" numeric(14, 2) GENERATED ALWAYS AS (quantity * unit_price) STORED NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"updated_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	CONSTRAINT "deal_line_items_tenant_id_id_key" UNIQUE("tenant_id","id"),
	CONSTRAINT "deal_line_items_quantity_min_one" CHECK (quantity >= 1),
	CONSTRAINT "deal_line_items_list_price_non_negative" CHECK (list_price >= 0),
	CONSTRAINT "deal_line_items_unit_price_non_negative" CHECK (unit_price >= 0)
);
--> statement-breakpoint
ALTER TABLE "deal_line_items" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"size" text,
	"industry" text,
	"location" text,
	"website" text,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"updated_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	CONSTRAINT "organizations_tenant_id_id_key" UNIQUE("tenant_id","id"),
	CONSTRAINT "organizations_not_own_parent" CHECK (parent_id <> id),
	CONSTRAINT "organizations_custom_fields_object" CHECK (jsonb_typeof(custom_fields) = 'object')
);
--> statement-breakpoint
ALTER TABLE "organizations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"html" text NOT NULL,
	"text" text NOT NULL,
	"template" text NOT NULL,
	"status" "outbox_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"provider_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"updated_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	CONSTRAINT "email_outbox_attempts_non_negative" CHECK (attempts >= 0)
);
--> statement-breakpoint
ALTER TABLE "email_outbox" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "process_stages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"process_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"kind" "stage_kind" DEFAULT 'open' NOT NULL,
	"win_probability" integer DEFAULT 0 NOT NULL,
	"required_fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"updated_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	CONSTRAINT "process_stages_tenant_id_id_key" UNIQUE("tenant_id","id"),
	CONSTRAINT "process_stages_tenant_id_process_id_id_key" UNIQUE("tenant_id","process_id","id"),
	CONSTRAINT "process_stages_win_probability_range" CHECK (win_probability between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "process_stages" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "sales_processes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"is_default" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"updated_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	CONSTRAINT "sales_processes_tenant_id_id_key" UNIQUE("tenant_id","id"),
	CONSTRAINT "sales_processes_default_not_archived" CHECK (not (is_default and archived_at is not null))
);
--> statement-breakpoint
ALTER TABLE "sales_processes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "pricing_blueprints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"default_price" numeric(14, 2) NOT NULL,
	"cost" numeric(14, 2),
	"max_discount_percent" numeric(5, 2),
	"margin_target_percent" numeric(5, 2),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"updated_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	CONSTRAINT "pricing_blueprints_tenant_id_id_key" UNIQUE("tenant_id","id"),
	CONSTRAINT "pricing_blueprints_tenant_id_product_id_key" UNIQUE("tenant_id","product_id"),
	CONSTRAINT "pricing_blueprints_default_price_non_negative" CHECK (default_price >= 0),
	CONSTRAINT "pricing_blueprints_cost_non_negative" CHECK (cost >= 0),
	CONSTRAINT "pricing_blueprints_max_discount_range" CHECK (max_discount_percent between 0 and 100),
	CONSTRAINT "pricing_blueprints_margin_target_range" CHECK (margin_target_percent between -100 and 100)
);
--> statement-breakpoint
ALTER TABLE "pricing_blueprints" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "product_price_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"old_price" numeric(14, 2),
	"new_price" numeric(14, 2) NOT NULL,
	"old_cost" numeric(14, 2),
	"new_cost" numeric(14, 2),
	"max_discount_percent" numeric(5, 2),
	"margin_target_percent" numeric(5, 2),
	"changed_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"updated_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	CONSTRAINT "product_price_history_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "product_price_history" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"category" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"updated_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	CONSTRAINT "products_tenant_id_id_key" UNIQUE("tenant_id","id"),
	CONSTRAINT "products_tenant_id_sku_key" UNIQUE("tenant_id","sku"),
	CONSTRAINT "products_custom_fields_object" CHECK (jsonb_typeof(custom_fields) = 'object')
);
--> statement-breakpoint
ALTER TABLE "products" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "rate_limit_counters" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limit_counters_pkey" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
ALTER TABLE "rate_limit_counters" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tenants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"status" "tenant_status" DEFAULT 'pending' NOT NULL,
	"company_name" text NOT NULL,
	"logo_url" text,
	"industry" text,
	"timezone" text DEFAULT 'UTC' NOT NULL,
	"currency" char(3) DEFAULT 'USD' NOT NULL,
	"retention_days" integer DEFAULT 30 NOT NULL,
	"activated_at" timestamp with time zone,
	"suspended_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"purge_after" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"updated_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	CONSTRAINT "tenants_slug_unique" UNIQUE("slug"),
	CONSTRAINT "tenants_slug_dns_label" CHECK (slug ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
	CONSTRAINT "tenants_retention_days_non_negative" CHECK (retention_days >= 0),
	CONSTRAINT "tenants_currency_iso" CHECK (currency ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
ALTER TABLE "tenants" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid,
	"email" "citext" NOT NULL,
	"password_hash" text,
	"name" text,
	"avatar_url" text,
	"department" text,
	"phone" text,
	"role" "user_role",
	"is_platform_admin" boolean DEFAULT false NOT NULL,
	"status" "user_status" DEFAULT 'active' NOT NULL,
	"deactivated_at" timestamp with time zone,
	"email_verified_at" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"contract_status" "contract_status" DEFAULT 'none' NOT NULL,
	"contract_signed_at" timestamp with time zone,
	"requested_company_name" text,
	"requested_slug" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	"updated_by" uuid DEFAULT nullif(current_setting('app.current_user_id', true), '')::uuid,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_tenant_id_id_key" UNIQUE("tenant_id","id"),
	CONSTRAINT "users_role_iff_tenant" CHECK ((tenant_id is null) = (role is null)),
	CONSTRAINT "users_deactivated_at_matches_status" CHECK ((status = 'deactivated') = (deactivated_at is not null)),
	CONSTRAINT "users_contract_signed_at_matches_status" CHECK ((contract_status = 'signed') = (contract_signed_at is not null))
);
--> statement-breakpoint
ALTER TABLE "users" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_contact_fk" FOREIGN KEY ("tenant_id","contact_id") REFERENCES "public"."contacts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_deal_fk" FOREIGN KEY ("tenant_id","deal_id") REFERENCES "public"."deals"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_participant_fk" FOREIGN KEY ("tenant_id","participant_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_verification_tokens" ADD CONSTRAINT "email_verification_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_fk" FOREIGN KEY ("tenant_id","invited_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "password_reset_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "step_up_codes" ADD CONSTRAINT "step_up_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_organization_fk" FOREIGN KEY ("tenant_id","organization_id") REFERENCES "public"."organizations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_assigned_user_fk" FOREIGN KEY ("tenant_id","assigned_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_field_definitions" ADD CONSTRAINT "custom_field_definitions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_stage_history" ADD CONSTRAINT "deal_stage_history_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_stage_history" ADD CONSTRAINT "deal_stage_history_deal_fk" FOREIGN KEY ("tenant_id","deal_id") REFERENCES "public"."deals"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_process_fk" FOREIGN KEY ("tenant_id","process_id") REFERENCES "public"."sales_processes"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_stage_in_process_fk" FOREIGN KEY ("tenant_id","process_id","stage_id") REFERENCES "public"."process_stages"("tenant_id","process_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_contact_fk" FOREIGN KEY ("tenant_id","contact_id") REFERENCES "public"."contacts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_organization_fk" FOREIGN KEY ("tenant_id","organization_id") REFERENCES "public"."organizations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_assigned_user_fk" FOREIGN KEY ("tenant_id","assigned_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_line_items" ADD CONSTRAINT "deal_line_items_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_line_items" ADD CONSTRAINT "deal_line_items_deal_fk" FOREIGN KEY ("tenant_id","deal_id") REFERENCES "public"."deals"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_line_items" ADD CONSTRAINT "deal_line_items_product_fk" FOREIGN KEY ("tenant_id","product_id") REFERENCES "public"."products"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_parent_fk" FOREIGN KEY ("tenant_id","parent_id") REFERENCES "public"."organizations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_stages" ADD CONSTRAINT "process_stages_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_stages" ADD CONSTRAINT "process_stages_process_fk" FOREIGN KEY ("tenant_id","process_id") REFERENCES "public"."sales_processes"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_processes" ADD CONSTRAINT "sales_processes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pricing_blueprints" ADD CONSTRAINT "pricing_blueprints_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pricing_blueprints" ADD CONSTRAINT "pricing_blueprints_product_fk" FOREIGN KEY ("tenant_id","product_id") REFERENCES "public"."products"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_price_history" ADD CONSTRAINT "product_price_history_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_price_history" ADD CONSTRAINT "product_price_history_product_fk" FOREIGN KEY ("tenant_id","product_id") REFERENCES "public"."products"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_tenant_id_contact_id_idx" ON "activities" USING btree ("tenant_id","contact_id","occurred_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "activities_tenant_id_deal_id_idx" ON "activities" USING btree ("tenant_id","deal_id","occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "activities_tenant_id_created_at_idx" ON "activities" USING btree ("tenant_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_log_tenant_id_created_at_idx" ON "audit_log" USING btree ("tenant_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_log_tenant_id_entity_idx" ON "audit_log" USING btree ("tenant_id","entity_type","entity_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_log_tenant_id_action_idx" ON "audit_log" USING btree ("tenant_id","action","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_log_tenant_id_actor_idx" ON "audit_log" USING btree ("tenant_id","actor_user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "platform_audit_log_created_at_idx" ON "platform_audit_log" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "platform_audit_log_target_tenant_idx" ON "platform_audit_log" USING btree ("target_tenant_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "platform_audit_log_action_idx" ON "platform_audit_log" USING btree ("action","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "api_tokens_tenant_id_user_id_idx" ON "api_tokens" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "email_verification_tokens_user_id_idx" ON "email_verification_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "invitations_tenant_id_email_idx" ON "invitations" USING btree ("tenant_id","email");--> statement-breakpoint
CREATE INDEX "invitations_tenant_id_created_at_idx" ON "invitations" USING btree ("tenant_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "password_reset_tokens_user_id_idx" ON "password_reset_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_user_id_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_tenant_id_user_id_idx" ON "sessions" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_at_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "step_up_codes_user_id_idx" ON "step_up_codes" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_tenant_id_email_live_key" ON "contacts" USING btree ("tenant_id","email") WHERE deleted_at is null and email is not null;--> statement-breakpoint
CREATE INDEX "contacts_tenant_id_created_at_idx" ON "contacts" USING btree ("tenant_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "contacts_tenant_id_assigned_user_id_idx" ON "contacts" USING btree ("tenant_id","assigned_user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "contacts_tenant_id_created_by_idx" ON "contacts" USING btree ("tenant_id","created_by");--> statement-breakpoint
CREATE INDEX "contacts_tenant_id_organization_id_idx" ON "contacts" USING btree ("tenant_id","organization_id");--> statement-breakpoint
CREATE INDEX "contacts_tenant_id_name_idx" ON "contacts" USING btree ("tenant_id","last_name","first_name","id");--> statement-breakpoint
CREATE INDEX "contacts_full_name_trgm_idx" ON "contacts" USING gin ("tenant_id","full_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_email_trgm_idx" ON "contacts" USING gin ("tenant_id",(email::text) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_phone_trgm_idx" ON "contacts" USING gin ("tenant_id","phone" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "custom_field_definitions_tenant_id_entity_idx" ON "custom_field_definitions" USING btree ("tenant_id","entity","position");--> statement-breakpoint
CREATE INDEX "deal_stage_history_tenant_id_deal_id_idx" ON "deal_stage_history" USING btree ("tenant_id","deal_id","changed_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "deals_tenant_id_created_at_idx" ON "deals" USING btree ("tenant_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "deals_tenant_id_process_stage_idx" ON "deals" USING btree ("tenant_id","process_id","stage_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "deals_tenant_id_assigned_user_id_idx" ON "deals" USING btree ("tenant_id","assigned_user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "deals_tenant_id_created_by_idx" ON "deals" USING btree ("tenant_id","created_by");--> statement-breakpoint
CREATE INDEX "deals_tenant_id_status_close_date_idx" ON "deals" USING btree ("tenant_id","status","close_date");--> statement-breakpoint
CREATE INDEX "deals_tenant_id_close_date_idx" ON "deals" USING btree ("tenant_id","close_date");--> statement-breakpoint
CREATE INDEX "deals_tenant_id_probability_idx" ON "deals" USING btree ("tenant_id","probability");--> statement-breakpoint
CREATE INDEX "deals_tenant_id_organization_id_idx" ON "deals" USING btree ("tenant_id","organization_id");--> statement-breakpoint
CREATE INDEX "deals_tenant_id_contact_id_idx" ON "deals" USING btree ("tenant_id","contact_id");--> statement-breakpoint
CREATE INDEX "deals_name_trgm_idx" ON "deals" USING gin ("tenant_id","name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "deal_line_items_tenant_id_deal_id_idx" ON "deal_line_items" USING btree ("tenant_id","deal_id","position");--> statement-breakpoint
CREATE INDEX "deal_line_items_tenant_id_product_id_idx" ON "deal_line_items" USING btree ("tenant_id","product_id");--> statement-breakpoint
CREATE INDEX "organizations_tenant_id_created_at_idx" ON "organizations" USING btree ("tenant_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "organizations_tenant_id_parent_id_idx" ON "organizations" USING btree ("tenant_id","parent_id");--> statement-breakpoint
CREATE INDEX "organizations_tenant_id_name_idx" ON "organizations" USING btree ("tenant_id","name","id");--> statement-breakpoint
CREATE INDEX "organizations_name_trgm_idx" ON "organizations" USING gin ("tenant_id","name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "email_outbox_due_idx" ON "email_outbox" USING btree ("next_attempt_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "email_outbox_tenant_id_created_at_idx" ON "email_outbox" USING btree ("tenant_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "email_outbox_created_at_idx" ON "email_outbox" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "process_stages_tenant_id_process_id_position_idx" ON "process_stages" USING btree ("tenant_id","process_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_processes_one_default_per_tenant" ON "sales_processes" USING btree ("tenant_id") WHERE is_default and archived_at is null;--> statement-breakpoint
CREATE INDEX "sales_processes_tenant_id_position_idx" ON "sales_processes" USING btree ("tenant_id","position");--> statement-breakpoint
CREATE INDEX "product_price_history_tenant_id_product_id_idx" ON "product_price_history" USING btree ("tenant_id","product_id","changed_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "products_tenant_id_active_name_idx" ON "products" USING btree ("tenant_id","is_active","name");--> statement-breakpoint
CREATE INDEX "products_tenant_id_category_idx" ON "products" USING btree ("tenant_id","category");--> statement-breakpoint
CREATE INDEX "products_tenant_id_created_at_idx" ON "products" USING btree ("tenant_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "products_name_trgm_idx" ON "products" USING gin ("tenant_id","name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "rate_limit_counters_window_start_idx" ON "rate_limit_counters" USING btree ("window_start");--> statement-breakpoint
CREATE INDEX "users_tenant_id_name_idx" ON "users" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE POLICY "activities are visible to those who see the contact or deal" ON "activities" AS PERMISSIVE FOR SELECT TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '')) in ('admin', 'manager')
        or exists (select 1 from contacts c
          where c.tenant_id = activities.tenant_id and c.id = activities.contact_id)
        or exists (select 1 from deals d
          where d.tenant_id = activities.tenant_id and d.id = activities.deal_id)));--> statement-breakpoint
CREATE POLICY "activities are created by those who see the contact or deal" ON "activities" AS PERMISSIVE FOR INSERT TO "crm_app" WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '')) in ('admin', 'manager')
        or exists (select 1 from contacts c
          where c.tenant_id = activities.tenant_id and c.id = activities.contact_id)
        or exists (select 1 from deals d
          where d.tenant_id = activities.tenant_id and d.id = activities.deal_id)));--> statement-breakpoint
CREATE POLICY "activities are changed by those who see the contact or deal" ON "activities" AS PERMISSIVE FOR UPDATE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '')) in ('admin', 'manager')
        or exists (select 1 from contacts c
          where c.tenant_id = activities.tenant_id and c.id = activities.contact_id)
        or exists (select 1 from deals d
          where d.tenant_id = activities.tenant_id and d.id = activities.deal_id))) WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '')) in ('admin', 'manager')
        or exists (select 1 from contacts c
          where c.tenant_id = activities.tenant_id and c.id = activities.contact_id)
        or exists (select 1 from deals d
          where d.tenant_id = activities.tenant_id and d.id = activities.deal_id)));--> statement-breakpoint
CREATE POLICY "audit entries are visible to tenant admins and their actor" ON "audit_log" AS PERMISSIVE FOR SELECT TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '')) = 'admin' or actor_user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid));--> statement-breakpoint
CREATE POLICY "audit entries are created by any context of their tenant" ON "audit_log" AS PERMISSIVE FOR INSERT TO "crm_app" WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "api tokens are visible to their owner or tenant admins" ON "api_tokens" AS PERMISSIVE FOR SELECT TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid or (select nullif(current_setting('app.current_role', true), '')) = 'admin'));--> statement-breakpoint
CREATE POLICY "api tokens are changed by their owner or tenant admins" ON "api_tokens" AS PERMISSIVE FOR UPDATE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid or (select nullif(current_setting('app.current_role', true), '')) = 'admin')) WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid or (select nullif(current_setting('app.current_role', true), '')) = 'admin'));--> statement-breakpoint
CREATE POLICY "api tokens are deleted by their owner or tenant admins" ON "api_tokens" AS PERMISSIVE FOR DELETE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid or (select nullif(current_setting('app.current_role', true), '')) = 'admin'));--> statement-breakpoint
CREATE POLICY "api tokens are created by their owner" ON "api_tokens" AS PERMISSIVE FOR INSERT TO "crm_app" WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "invitations are visible to members of their tenant" ON "invitations" AS PERMISSIVE FOR SELECT TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "invitations are changed by members of their tenant" ON "invitations" AS PERMISSIVE FOR UPDATE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid) WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "invitations are created by admins of their tenant" ON "invitations" AS PERMISSIVE FOR INSERT TO "crm_app" WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (select nullif(current_setting('app.current_role', true), '')) = 'admin');--> statement-breakpoint
CREATE POLICY "invitations are deleted by admins of their tenant" ON "invitations" AS PERMISSIVE FOR DELETE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (select nullif(current_setting('app.current_role', true), '')) = 'admin');--> statement-breakpoint
CREATE POLICY "sessions are visible to their user or tenant admins" ON "sessions" AS PERMISSIVE FOR SELECT TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid or (select nullif(current_setting('app.current_role', true), '')) = 'admin'));--> statement-breakpoint
CREATE POLICY "sessions are deleted by their user or tenant admins" ON "sessions" AS PERMISSIVE FOR DELETE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid or (select nullif(current_setting('app.current_role', true), '')) = 'admin'));--> statement-breakpoint
CREATE POLICY "contacts are visible to their owner and tenant leads" ON "contacts" AS PERMISSIVE FOR SELECT TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '')) in ('admin', 'manager') or (assigned_user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid or created_by = (select nullif(current_setting('app.current_user_id', true), ''))::uuid)));--> statement-breakpoint
CREATE POLICY "contacts are created by their owner and tenant leads" ON "contacts" AS PERMISSIVE FOR INSERT TO "crm_app" WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '')) in ('admin', 'manager') or (assigned_user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid or created_by = (select nullif(current_setting('app.current_user_id', true), ''))::uuid)));--> statement-breakpoint
CREATE POLICY "contacts are changed by their owner and tenant leads" ON "contacts" AS PERMISSIVE FOR UPDATE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '')) in ('admin', 'manager') or (assigned_user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid or created_by = (select nullif(current_setting('app.current_user_id', true), ''))::uuid))) WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '')) in ('admin', 'manager') or (assigned_user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid or created_by = (select nullif(current_setting('app.current_user_id', true), ''))::uuid)));--> statement-breakpoint
CREATE POLICY "custom fields are visible to members of their tenant" ON "custom_field_definitions" AS PERMISSIVE FOR SELECT TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "custom fields are created by admins of their tenant" ON "custom_field_definitions" AS PERMISSIVE FOR INSERT TO "crm_app" WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (select nullif(current_setting('app.current_role', true), '')) = 'admin');--> statement-breakpoint
CREATE POLICY "custom fields are changed by admins of their tenant" ON "custom_field_definitions" AS PERMISSIVE FOR UPDATE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (select nullif(current_setting('app.current_role', true), '')) = 'admin') WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (select nullif(current_setting('app.current_role', true), '')) = 'admin');--> statement-breakpoint
CREATE POLICY "custom fields are deleted by admins of their tenant" ON "custom_field_definitions" AS PERMISSIVE FOR DELETE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (select nullif(current_setting('app.current_role', true), '')) = 'admin');--> statement-breakpoint
CREATE POLICY "deal stage changes are visible to those who see the deal" ON "deal_stage_history" AS PERMISSIVE FOR SELECT TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and exists (select 1 from deals d
        where d.tenant_id = deal_stage_history.tenant_id and d.id = deal_stage_history.deal_id));--> statement-breakpoint
CREATE POLICY "deal stage changes are created by those who see the deal" ON "deal_stage_history" AS PERMISSIVE FOR INSERT TO "crm_app" WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and exists (select 1 from deals d
        where d.tenant_id = deal_stage_history.tenant_id and d.id = deal_stage_history.deal_id));--> statement-breakpoint
CREATE POLICY "deals are visible to their owner and tenant leads" ON "deals" AS PERMISSIVE FOR SELECT TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '')) in ('admin', 'manager') or (assigned_user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid or created_by = (select nullif(current_setting('app.current_user_id', true), ''))::uuid)));--> statement-breakpoint
CREATE POLICY "deals are created by their owner and tenant leads" ON "deals" AS PERMISSIVE FOR INSERT TO "crm_app" WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '')) in ('admin', 'manager') or (assigned_user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid or created_by = (select nullif(current_setting('app.current_user_id', true), ''))::uuid)));--> statement-breakpoint
CREATE POLICY "deals are changed by their owner and tenant leads" ON "deals" AS PERMISSIVE FOR UPDATE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '')) in ('admin', 'manager') or (assigned_user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid or created_by = (select nullif(current_setting('app.current_user_id', true), ''))::uuid))) WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and ((select nullif(current_setting('app.current_role', true), '')) in ('admin', 'manager') or (assigned_user_id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid or created_by = (select nullif(current_setting('app.current_user_id', true), ''))::uuid)));--> statement-breakpoint
CREATE POLICY "line items are visible to those who see the deal" ON "deal_line_items" AS PERMISSIVE FOR SELECT TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and exists (select 1 from deals d
        where d.tenant_id = deal_line_items.tenant_id and d.id = deal_line_items.deal_id));--> statement-breakpoint
CREATE POLICY "line items are created by those who see the deal" ON "deal_line_items" AS PERMISSIVE FOR INSERT TO "crm_app" WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and exists (select 1 from deals d
        where d.tenant_id = deal_line_items.tenant_id and d.id = deal_line_items.deal_id));--> statement-breakpoint
CREATE POLICY "line items are changed by those who see the deal" ON "deal_line_items" AS PERMISSIVE FOR UPDATE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and exists (select 1 from deals d
        where d.tenant_id = deal_line_items.tenant_id and d.id = deal_line_items.deal_id)) WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and exists (select 1 from deals d
        where d.tenant_id = deal_line_items.tenant_id and d.id = deal_line_items.deal_id));--> statement-breakpoint
CREATE POLICY "organizations are visible to members of their tenant" ON "organizations" AS PERMISSIVE FOR SELECT TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "organizations are created by members of their tenant" ON "organizations" AS PERMISSIVE FOR INSERT TO "crm_app" WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "organizations are changed by members of their tenant" ON "organizations" AS PERMISSIVE FOR UPDATE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid) WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "outgoing emails are visible to their tenant" ON "email_outbox" AS PERMISSIVE FOR SELECT TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "outgoing emails are created by their tenant" ON "email_outbox" AS PERMISSIVE FOR INSERT TO "crm_app" WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "process stages are visible to members of their tenant" ON "process_stages" AS PERMISSIVE FOR SELECT TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "process stages are created by admins of their tenant" ON "process_stages" AS PERMISSIVE FOR INSERT TO "crm_app" WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (select nullif(current_setting('app.current_role', true), '')) = 'admin');--> statement-breakpoint
CREATE POLICY "process stages are changed by admins of their tenant" ON "process_stages" AS PERMISSIVE FOR UPDATE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (select nullif(current_setting('app.current_role', true), '')) = 'admin') WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (select nullif(current_setting('app.current_role', true), '')) = 'admin');--> statement-breakpoint
CREATE POLICY "process stages are deleted by admins of their tenant" ON "process_stages" AS PERMISSIVE FOR DELETE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (select nullif(current_setting('app.current_role', true), '')) = 'admin');--> statement-breakpoint
CREATE POLICY "sales processes are visible to members of their tenant" ON "sales_processes" AS PERMISSIVE FOR SELECT TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "sales processes are created by admins of their tenant" ON "sales_processes" AS PERMISSIVE FOR INSERT TO "crm_app" WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (select nullif(current_setting('app.current_role', true), '')) = 'admin');--> statement-breakpoint
CREATE POLICY "sales processes are changed by admins of their tenant" ON "sales_processes" AS PERMISSIVE FOR UPDATE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (select nullif(current_setting('app.current_role', true), '')) = 'admin') WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (select nullif(current_setting('app.current_role', true), '')) = 'admin');--> statement-breakpoint
CREATE POLICY "sales processes are deleted by admins of their tenant" ON "sales_processes" AS PERMISSIVE FOR DELETE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (select nullif(current_setting('app.current_role', true), '')) = 'admin');--> statement-breakpoint
CREATE POLICY "pricing blueprints are visible to members of their tenant" ON "pricing_blueprints" AS PERMISSIVE FOR SELECT TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "pricing blueprints are created by admins of their tenant" ON "pricing_blueprints" AS PERMISSIVE FOR INSERT TO "crm_app" WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (select nullif(current_setting('app.current_role', true), '')) = 'admin');--> statement-breakpoint
CREATE POLICY "pricing blueprints are changed by admins of their tenant" ON "pricing_blueprints" AS PERMISSIVE FOR UPDATE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (select nullif(current_setting('app.current_role', true), '')) = 'admin') WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (select nullif(current_setting('app.current_role', true), '')) = 'admin');--> statement-breakpoint
CREATE POLICY "pricing blueprints are deleted by admins of their tenant" ON "pricing_blueprints" AS PERMISSIVE FOR DELETE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (select nullif(current_setting('app.current_role', true), '')) = 'admin');--> statement-breakpoint
CREATE POLICY "price history are visible to tenant admins and managers" ON "product_price_history" AS PERMISSIVE FOR SELECT TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (select nullif(current_setting('app.current_role', true), '')) in ('admin', 'manager'));--> statement-breakpoint
CREATE POLICY "price history are created by admins of their tenant" ON "product_price_history" AS PERMISSIVE FOR INSERT TO "crm_app" WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (select nullif(current_setting('app.current_role', true), '')) = 'admin');--> statement-breakpoint
CREATE POLICY "products are visible to members of their tenant" ON "products" AS PERMISSIVE FOR SELECT TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "products are created by admins of their tenant" ON "products" AS PERMISSIVE FOR INSERT TO "crm_app" WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (select nullif(current_setting('app.current_role', true), '')) = 'admin');--> statement-breakpoint
CREATE POLICY "products are changed by admins of their tenant" ON "products" AS PERMISSIVE FOR UPDATE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (select nullif(current_setting('app.current_role', true), '')) = 'admin') WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (select nullif(current_setting('app.current_role', true), '')) = 'admin');--> statement-breakpoint
CREATE POLICY "products are deleted by admins of their tenant" ON "products" AS PERMISSIVE FOR DELETE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (select nullif(current_setting('app.current_role', true), '')) = 'admin');--> statement-breakpoint
CREATE POLICY "tenants are visible to their own members" ON "tenants" AS PERMISSIVE FOR SELECT TO "crm_app" USING (id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "tenants are changed by their own admins" ON "tenants" AS PERMISSIVE FOR UPDATE TO "crm_app" USING (id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (select nullif(current_setting('app.current_role', true), '')) = 'admin') WITH CHECK (id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (select nullif(current_setting('app.current_role', true), '')) = 'admin');--> statement-breakpoint
CREATE POLICY "users are visible to members of their tenant" ON "users" AS PERMISSIVE FOR SELECT TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "users are created by their tenant" ON "users" AS PERMISSIVE FOR INSERT TO "crm_app" WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid);--> statement-breakpoint
CREATE POLICY "users are changed by themselves or their tenant admins" ON "users" AS PERMISSIVE FOR UPDATE TO "crm_app" USING (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid or (select nullif(current_setting('app.current_role', true), '')) = 'admin')) WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant_id', true), ''))::uuid and (id = (select nullif(current_setting('app.current_user_id', true), ''))::uuid or (select nullif(current_setting('app.current_role', true), '')) = 'admin'));