import { schema, type Tx } from '@aura/db'
import { and, desc, eq, isNull, or, type SQL, sql } from 'drizzle-orm'
import { decodeCursor, toPage } from '../../lib/pagination.ts'
import { containsPattern, digitsOf } from '../../lib/search.ts'
import { contactView, liveOrganizationOf, orgRef } from './contact-view.ts'

export interface ContactListQuery {
  q?: string
  assignedUserId?: string
  organizationId?: string
  limit: number
  cursor?: string
}

/**
 * How loosely a misspelling may match a word of the name or company (pg_trgm word similarity). The default
 * 0.6 misses transpositions such as "Jonhson" for "Johnson" (0.33); 0.3 catches them, and the ranking
 * puts close matches first. Set per transaction so it never leaks to other requests.
 */
const WORD_SIMILARITY = '0.3'

const c = schema.contacts
const o = schema.organizations

/**
 * F7.3: one search box across name, email, phone and company, typo-tolerant and ranked. Without `q`,
 * newest first. RLS limits reps to their own contacts; here only live rows and the filters.
 */
export async function listContacts(tx: Tx, tenantId: string, query: ContactListQuery) {
  const q = query.q?.trim()
  const after = decodeCursor(query.cursor)
  const filters = and(
    eq(c.tenantId, tenantId),
    isNull(c.deletedAt),
    query.assignedUserId ? eq(c.assignedUserId, query.assignedUserId) : undefined,
    query.organizationId ? eq(c.organizationId, query.organizationId) : undefined,
  )
  let sortKey: SQL
  let match: SQL | undefined
  if (q) {
    await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${WORD_SIMILARITY}, true)`)
    const search = searchTerms(q)
    sortKey = search.rank
    match = search.match
  } else {
    // Text of the timestamp (microseconds kept) so the cursor resumes exactly where the page ended.
    sortKey = sql`${c.createdAt}`
  }
  const afterCursor = after
    ? q
      ? sql`(${sortKey}, ${c.id}) < (${after[0]}::real, ${after[1]}::uuid)`
      : sql`(${sortKey}, ${c.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
    : undefined
  const rows = await tx
    .select({
      contact: c,
      orgId: o.id,
      orgName: o.name,
      sort: q ? sql<number>`${sortKey}` : sql<string>`${c.createdAt}::text`,
    })
    .from(c)
    .leftJoin(o, liveOrganizationOf)
    .where(and(filters, match, afterCursor))
    .orderBy(desc(sortKey), desc(c.id))
    .limit(query.limit + 1)
  const page = toPage(rows, query.limit, (r) => [r.sort, r.contact.id])
  return {
    data: page.data.map((r) => contactView(r.contact, orgRef(r.orgId, r.orgName))),
    nextCursor: page.nextCursor,
  }
}

/**
 * The match and its rank (strict word similarity ranks "Jonhson" nearer Johnson than Jones). Each branch can use a trigram GIN index led by tenant_id (full name, email,
 * phone, organization name); phone digits match across formatting through a regex ("5550" matches
 * "+1 (555) 0123"), which the phone trigram index answers with a recheck.
 */
function searchTerms(q: string) {
  const like = containsPattern(q)
  const digits = digitsOf(q)
  const phoneRegex = digits.length >= 3 ? digits.split('').join('\\D*') : null
  const orgMatch = sql`(${o.name} ilike ${like} or ${q} <% ${o.name})`
  const match = or(
    sql`${c.fullName} ilike ${like}`,
    sql`${q} <% ${c.fullName}`,
    sql`${c.email}::text ilike ${like}`,
    phoneRegex ? sql`${c.phone} ~ ${phoneRegex}` : undefined,
    orgMatch,
  )
  const rank = sql`greatest(
    strict_word_similarity(${q}, ${c.fullName}),
    case when ${c.fullName} ilike ${like} then 1 else 0 end,
    case when ${c.email}::text ilike ${like} then 0.9 else 0 end,
    ${phoneRegex ? sql`case when ${c.phone} ~ ${phoneRegex} then 0.9 else 0 end` : sql`0`},
    coalesce(strict_word_similarity(${q}, ${o.name}) * 0.8, 0),
    case when ${o.name} ilike ${like} then 0.8 else 0 end
  )::real`
  return { match, rank }
}
