import { schema, type Tx } from '@aura/db'
import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import { decodeCursor, toPage } from '../../lib/pagination.ts'
import { organizationView } from './organization-view.ts'

export interface OrganizationListQuery {
  q?: string
  parentId?: string
  limit: number
  cursor?: string
}

/**
 * Organizations by name (then id), keyset paged. `q` matches a name fragment (ILIKE) or a misspelled word
 * (pg_trgm `<%`, word similarity 0.6). The matching ids come from search_organization_ids (migration 0006,
 * ADR 0080), which can use organizations_name_trgm_idx where crm_app under RLS cannot; the rows are read
 * here under RLS, so the function only narrows the list.
 */
export async function listOrganizations(tx: Tx, tenantId: string, query: OrganizationListQuery) {
  const o = schema.organizations
  const after = decodeCursor(query.cursor)
  const q = query.q?.trim()
  const rows = await tx
    .select()
    .from(o)
    .where(
      and(
        eq(o.tenantId, tenantId),
        isNull(o.deletedAt),
        query.parentId ? eq(o.parentId, query.parentId) : undefined,
        q ? sql`${o.id} in (select s.id from search_organization_ids(${q}) s)` : undefined,
        after ? sql`(${o.name}, ${o.id}) > (${String(after[0])}, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(o.name), asc(o.id))
    .limit(query.limit + 1)
  const page = toPage(rows, query.limit, (r) => [r.name, r.id])
  return { data: page.data.map((r) => organizationView(r)), nextCursor: page.nextCursor }
}
