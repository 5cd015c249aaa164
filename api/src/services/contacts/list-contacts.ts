import { schema, type Tx } from '@aura/db'
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm'
import { ownedPage, pageColumns } from '../../lib/owned-page.ts'
import { decodeCursor, newestFirst, toPage } from '../../lib/pagination.ts'
import { contactView, orgRef } from './contact-view.ts'

export interface ContactListQuery {
  q?: string
  assignedUserId?: string
  organizationId?: string
  limit: number
  cursor?: string
}

const c = schema.contacts
const o = schema.organizations

/**
 * F7.3: one search box across name, email, phone and company, typo-tolerant and ranked. Without `q`,
 * newest first. RLS limits reps to their own contacts; here only live rows and the filters. Either way the
 * page of contacts is chosen first (ranked ids from the search function, or an ordered index scan) and the
 * company is looked up for those rows only (ADR 0100).
 */
export async function listContacts(tx: Tx, tenantId: string, query: ContactListQuery) {
  const q = query.q?.trim()
  const filters = and(
    eq(c.tenantId, tenantId),
    isNull(c.deletedAt),
    query.assignedUserId ? eq(c.assignedUserId, query.assignedUserId) : undefined,
    query.organizationId ? eq(c.organizationId, query.organizationId) : undefined,
  )
  if (q) {
    // The page of ranked ids comes from search_contacts (migrations 0006/0019, ADRs 0080/0100): it ranks a
    // bounded set of candidates found on the trigram indexes, which RLS keeps crm_app off (name, email,
    // phone digits, company; "Jonhson" finds Johnson), with the filters applied before the limit. The rows
    // themselves are read here under RLS, so the function can narrow this page but never add a row.
    const after = decodeCursor(query.cursor, isRank)
    const page = sql`select ${c}.*, s.rank as sort_key from search_contacts(${q}, ${query.assignedUserId ?? null}::uuid,
      ${query.organizationId ?? null}::uuid, ${after ? after[0] : null}::real, ${after ? after[1] : null}::uuid,
      ${query.limit + 1}::integer) as s join ${c} on ${c.id} = s.id where ${filters}`
    const rows = await withCompany(tx, page).orderBy(sql`page.sort_key desc`, sql`page.id desc`)
    return toContactPage(rows, query.limit)
  }
  // Newest first on contacts_tenant_id_created_at_idx (a rep: their own, lib/owned-page.ts); the cursor
  // keeps the timestamp's microseconds.
  const order = newestFirst(c.createdAt, c.id, query.cursor)
  const page = ownedPage(
    { table: c, assignedUserId: c.assignedUserId, createdBy: c.createdBy },
    {
      columns: sql`${c}.*, ${order.key} as sort_key`,
      live: sql`${c.deletedAt} is null`,
      where: filters ?? sql`true`,
      after: order.after,
      orderBy: sql.join([...order.orderBy], sql`, `),
      outerOrderBy: sql`created_at desc nulls last, id desc nulls last`,
      limit: query.limit + 1,
    },
  )
  const rows = await withCompany(tx, page).orderBy(
    sql`page.created_at desc nulls last`,
    sql`page.id desc nulls last`,
  )
  return toContactPage(rows, query.limit)
}

/** The page's contacts with their live company, looked up by key per contact (never a join of all). */
function withCompany(tx: Tx, page: SQL) {
  const company = tx
    .select({ id: o.id, name: o.name })
    .from(o)
    .where(sql`${o.tenantId} = page.tenant_id and ${o.id} = page.organization_id and ${o.deletedAt} is null`)
    .limit(1)
    .as('company')
  return tx
    .select({
      contact: pageColumns(c),
      orgId: company.id,
      orgName: company.name,
      sort: sql<string | number>`page.sort_key`,
    })
    .from(sql`(${page}) as page`)
    .leftJoinLateral(company, sql`true`)
}

type ContactRow = {
  contact: typeof c.$inferSelect
  orgId: string | null
  orgName: string | null
  sort: string | number
}

function toContactPage(rows: ContactRow[], limit: number) {
  const page = toPage(rows, limit, (r) => [r.sort, r.contact.id])
  return {
    data: page.data.map((r) => contactView(r.contact, orgRef(r.orgId, r.orgName))),
    nextCursor: page.nextCursor,
  }
}

/** A search rank as the cursor carries it: a `real`, so ±1e308 would overflow the cast (a 500). */
const isRank = (v: unknown) => typeof v === 'number' && Math.abs(v) < 1e38
