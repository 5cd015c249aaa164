-- The search_* functions (migration 0006, ADR 0080) return a page of candidates or a tenant's matches, not
-- the planner's default guess of 1000 rows. With that guess the outer query (rows read under RLS by id)
-- hashed the candidates against a sequential scan of the tenant's contacts or organizations; with a
-- realistic estimate it fetches them by primary key (guarded by api/test/plans.test.ts).
ALTER FUNCTION search_contacts(text, uuid, uuid, real, uuid, integer) ROWS 26;--> statement-breakpoint
ALTER FUNCTION search_organization_ids(text) ROWS 50;--> statement-breakpoint
ALTER FUNCTION search_deal_ids(text) ROWS 50;
