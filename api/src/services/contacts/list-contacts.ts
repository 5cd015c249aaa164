import { schema, type Tx } from '@aura/db'
import { and, eq, isNull, sql } from 'drizzle-orm'
import { decodeCursor, newestFirst, toPage } from '../../lib/pagination.ts'
import { contactView, liveOrganizationOf, orgRef } from './contact-view.ts'

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
 * newest first. RLS limits reps to their own contacts; here only live rows and the filters.
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
    // The page of ranked ids comes from search_contacts (migration 0006, ADR 0080): it runs on the
    // trigram indexes, which RLS keeps crm_app off, with the same matching, rank (name, email, phone
    // digits, company; "Jonhson" finds Johnson) and keyset order as before. The rows themselves are read
    // here under RLS, so the function can narrow this page but never add a row the caller may not see.
    const after = decodeCursor(query.cursor, (rank) => typeof rank === 'number')
    const page = sql`search_contacts(${q}, ${query.assignedUserId ?? null}::uuid,
      ${query.organizationId ?? null}::uuid, ${after ? after[0] : null}::real, ${after ? after[1] : null}::uuid,
      ${query.limit + 1}::integer) as s`
    const rows = await tx
      .select({ contact: c, orgId: o.id, orgName: o.name, sort: sql<number>`s.rank` })
      .from(c)
      .innerJoin(page, sql`s.id = ${c.id}`)
      .leftJoin(o, liveOrganizationOf)
      .where(filters)
      .orderBy(sql`s.rank desc`, sql`${c.id} desc`)
      .limit(query.limit + 1)
    return toContactPage(rows, query.limit)
  }
  // Newest first on contacts_tenant_id_created_at_idx; the cursor keeps the timestamp's microseconds.
  const order = newestFirst(c.createdAt, c.id, query.cursor)
  const rows = await tx
    .select({ contact: c, orgId: o.id, orgName: o.name, sort: order.key })
    .from(c)
    .leftJoin(o, liveOrganizationOf)
    .where(and(filters, order.after))
    .orderBy(...order.orderBy)
    .limit(query.limit + 1)
  return toContactPage(rows, query.limit)
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
