import { schema, type Tx } from '@aura/db'
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm'
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
    const search = searchTerms(tenantId, q)
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
    // NULLS LAST as in contacts_tenant_id_created_at_idx (drizzle's .desc()); plain DESC means NULLS FIRST
    // and would not use the index even though both columns are NOT NULL.
    .orderBy(sql`${sortKey} desc nulls last`, sql`${c.id} desc nulls last`)
    .limit(query.limit + 1)
  const page = toPage(rows, query.limit, (r) => [r.sort, r.contact.id])
  return {
    data: page.data.map((r) => contactView(r.contact, orgRef(r.orgId, r.orgName))),
    nextCursor: page.nextCursor,
  }
}

/** A query that looks like (part of) a phone number: digits and the usual separators only. */
const PHONE_LIKE = /^[\d\s+().\-/]+$/

/**
 * The match and its rank (strict word similarity ranks "Jonhson" nearer Johnson than Jones). Matching ids
 * come from a UNION of branches that each use one index led by tenant_id — name (ILIKE or `<%`), email,
 * company name then contacts by organization, phone digits — so only candidates are ranked, not the whole
 * tenant. Phone numbers match on their digits ("5550" finds "+1 (555) 0123") through the expression index
 * contacts_phone_digits_trgm_idx; its expression is written out literally so the planner recognises it.
 */
function searchTerms(tenantId: string, q: string) {
  const like = containsPattern(q)
  const digits = PHONE_LIKE.test(q) ? digitsOf(q) : ''
  const digitsLike = digits.length >= 3 ? `%${digits}%` : null
  const phoneDigits = sql.raw(`regexp_replace(phone, '\\D', '', 'g')`)
  const candidates = sql`(
    select id from contacts
      where tenant_id = ${tenantId} and (full_name ilike ${like} or ${q} <% full_name)
    union
    select id from contacts where tenant_id = ${tenantId} and email::text ilike ${like}
    union
    select k.id from organizations org
      join contacts k on k.tenant_id = org.tenant_id and k.organization_id = org.id
      where org.tenant_id = ${tenantId} and org.deleted_at is null and (org.name ilike ${like} or ${q} <% org.name)
    ${digitsLike ? sql`union select id from contacts where tenant_id = ${tenantId} and ${phoneDigits} like ${digitsLike}` : sql``}
  )`
  const rank = sql`greatest(
    strict_word_similarity(${q}, ${c.fullName}),
    case when ${c.fullName} ilike ${like} then 1 else 0 end,
    case when ${c.email}::text ilike ${like} then 0.9 else 0 end,
    ${digitsLike ? sql`case when regexp_replace(${c.phone}, '\\D', '', 'g') like ${digitsLike} then 0.9 else 0 end` : sql`0`},
    coalesce(strict_word_similarity(${q}, ${o.name}) * 0.8, 0),
    case when ${o.name} ilike ${like} then 0.8 else 0 end
  )::real`
  return { match: sql`${c.id} in ${candidates}`, rank }
}
