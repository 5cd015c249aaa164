import { schema, type Tx } from '@aura/db'
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm'
import { decodeCursor, toPage } from '../../lib/pagination.ts'
import { containsPattern } from '../../lib/search.ts'
import { organizationView } from './organization-view.ts'

export interface OrganizationListQuery {
  q?: string
  parentId?: string
  limit: number
  cursor?: string
}

/**
 * Organizations by name (then id), keyset paged. `q` matches a name fragment (ILIKE) or a misspelled word
 * (pg_trgm `<%`, word similarity); both are served by organizations_name_trgm_idx (tenant_id, name).
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
        q ? or(sql`${o.name} ilike ${containsPattern(q)}`, sql`${q} <% ${o.name}`) : undefined,
        after ? sql`(${o.name}, ${o.id}) > (${String(after[0])}, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(o.name), asc(o.id))
    .limit(query.limit + 1)
  const page = toPage(rows, query.limit, (r) => [r.name, r.id])
  return { data: page.data.map((r) => organizationView(r)), nextCursor: page.nextCursor }
}
