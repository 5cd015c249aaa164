import { schema, type Tx } from '@aura/db'
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { pageColumns } from '../../lib/owned-page.ts'
import { decodeCursor, isTextKey, toPage } from '../../lib/pagination.ts'
import { organizationView } from './organization-view.ts'

export interface OrganizationListQuery {
  q?: string
  parentId?: string
  /** Up to 100 ids, comma-separated (validated by the route): read by key. */
  ids?: string
  limit: number
  cursor?: string
}

/**
 * Organizations by name (then id), keyset paged on organizations_tenant_id_name_idx. `q` matches a name
 * fragment (ILIKE) or a misspelled word (pg_trgm `<%`, word similarity 0.6): search_organization_ids
 * (migrations 0006/0019, ADRs 0080/0100) returns a bounded set of candidates found on
 * organizations_name_trgm_idx, which crm_app under RLS cannot use; each candidate is then read by key here
 * under RLS (so the function only narrows the list) and the page is ordered among them.
 */
export async function listOrganizations(tx: Tx, tenantId: string, query: OrganizationListQuery) {
  const o = schema.organizations
  const after = decodeCursor(query.cursor, isTextKey)
  const q = query.q?.trim()
  const where = and(
    eq(o.tenantId, tenantId),
    isNull(o.deletedAt),
    query.parentId ? eq(o.parentId, query.parentId) : undefined,
    query.ids ? inArray(o.id, query.ids.toLowerCase().split(',')) : undefined,
    after ? sql`(${o.name}, ${o.id}) > (${String(after[0])}, ${after[1]}::uuid)` : undefined,
  )
  const rows = q
    ? await tx
        .select(pageColumns(o))
        // LIMIT 1 keeps the lateral subquery a lookup by key per candidate (never flattened into a join).
        .from(sql`search_organization_ids(${q}) candidate cross join lateral (select ${o}.* from ${o}
          where ${o.id} = candidate.id and ${where} limit 1) page`)
        .orderBy(sql`page.name`, sql`page.id`)
        .limit(query.limit + 1)
    : await tx
        .select()
        .from(o)
        .where(where)
        .orderBy(asc(o.name), asc(o.id))
        .limit(query.limit + 1)
  const page = toPage(rows, query.limit, (r) => [r.name, r.id])
  return { data: page.data.map((r) => organizationView(r)), nextCursor: page.nextCursor }
}
