// Likely duplicates (issue 15, ADR 0172), found without comparing a tenant against itself: each reason is a
// normalized key Postgres keeps in a stored column (e-mail, phone digits, website domain) or a block the
// names are compared within (a contact's organization, the first word of a company's name), and the view
// walks that key's index (led by tenant_id; a rep's led by tenant_id, assigned_user_id) a window at a time.
// Records sharing a key in the window are a group; names are compared (pg_trgm similarity) only inside a
// block of the window. A page reads at most WINDOW rows per request, whatever the tenant's size; the cursor
// is the reason and the last key read. RLS still decides what each window holds.
import { schema, type Tx } from '@aura/db'
import { and, asc, eq, gt, isNotNull, isNull, type SQL, sql } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import type { Actor } from '../../lib/actor.ts'
import { lead, me } from '../../lib/owned-page.ts'
import { decodeCursor, encodeCursor, invalidCursor } from '../../lib/pagination.ts'
import {
  REASONS,
  type TDuplicateReason,
  type TDuplicatesQuery,
  type TMergeEntity,
} from './duplicates.inputs.ts'

const c = schema.contacts
const o = schema.organizations

/** How alike two names must be (pg_trgm similarity) inside a block to be shown as one. */
export const NAME_SIMILARITY = 0.6
const NIL = '00000000-0000-0000-0000-000000000000'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export interface DuplicateRecord {
  id: string
  name: string
  email: string | null
  phone: string | null
  organizationName: string | null
  website: string | null
  assignedUserId: string | null
  createdAt: string
}
export interface DuplicateGroup {
  reason: TDuplicateReason
  key: string
  records: DuplicateRecord[]
}

interface WindowRow {
  id: string
  key: string
  name: string
}

/** Rows per request: the page's groups come from at most this many index entries. */
const windowOf = (limit: number) => limit * 4

function keyColumn(entity: TMergeEntity, reason: TDuplicateReason): AnyPgColumn {
  if (entity === 'contact')
    return reason === 'email' ? c.emailKey : reason === 'phone' ? c.phoneKey : c.organizationId
  return reason === 'domain' ? o.domainKey : o.nameKey
}

/** One window of a reason's index, in key order, after `after`. A rep's walk reads their assigned contacts. */
async function readWindow(
  tx: Tx,
  actor: Actor,
  entity: TMergeEntity,
  reason: TDuplicateReason,
  after: string | null,
  size: number,
): Promise<WindowRow[]> {
  const key = keyColumn(entity, reason)
  if (entity === 'contact') {
    // Every role runs the same statement, as the lists do (lib/owned-page.ts): a lead's branch walks the
    // tenant's index of the key, a rep's the index led by their id; the statement's own settings decide which
    // runs. A rep's window holds the contacts assigned to them (not those they created and handed over: a
    // colleague's now). The rep's branch states "live" opaquely so it is never planned on a lead's index.
    const limit = sql.raw(String(size))
    const cursor =
      after === null ? sql`true` : reason === 'name' ? sql`${key} > ${after}::uuid` : sql`${key} > ${after}`
    const branch = (who: SQL, live: SQL) => sql`(select ${c.id} as id, ${key} as key, ${c.fullName} as name
      from ${c} where ${who} and ${live} and ${c.tenantId} = ${actor.tenantId} and ${key} is not null and ${cursor}
      order by ${key}, ${c.id} limit ${limit})`
    const result = (await tx.execute(sql`select * from (
      ${branch(lead, sql`${c.deletedAt} is null`)}
      union all
      ${branch(sql`not ${lead} and ${c.assignedUserId} = ${me}`, sql`(${c.deletedAt} is null) is true`)}
    ) w order by key, id limit ${limit}`)) as unknown as { rows: WindowRow[] }
    return result.rows.map((r) => ({ id: r.id, key: String(r.key), name: r.name }))
  }
  return tx
    .select({ id: o.id, key: sql<string>`${key}`, name: o.name })
    .from(o)
    .where(
      and(
        eq(o.tenantId, actor.tenantId),
        isNull(o.deletedAt),
        isNotNull(key),
        after === null ? undefined : gt(key, after),
      ),
    )
    .orderBy(asc(key), asc(o.id))
    .limit(size)
}

/** Pairs of names alike enough inside each block (computed on the window's values: no table read). */
async function similarPairs(
  tx: Tx,
  entity: TMergeEntity,
  rows: WindowRow[],
): Promise<Array<[string, string]>> {
  if (rows.length < 2) return []
  const window = JSON.stringify(rows.map((r) => ({ id: r.id, k: r.key, n: r.name })))
  const result = (await tx.execute(sql`
    with w as (
      select id, k, ${sql.raw(entity === 'contact' ? 'lower(n)' : 'organization_name_norm(n)')} as n
      from jsonb_to_recordset(${window}::jsonb) as u(id uuid, k text, n text))
    select a.id as a, b.id as b from w a join w b on a.k = b.k and a.id < b.id
    where similarity(a.n, b.n) >= ${NAME_SIMILARITY}
    order by a.k, a.id, b.id`)) as unknown as { rows: Array<{ a: string; b: string }> }
  return result.rows.map((r) => [r.a, r.b])
}

/** The groups of one window: records sharing a key (e-mail, phone, domain), or alike names within a block. */
async function groupsOf(
  tx: Tx,
  entity: TMergeEntity,
  reason: TDuplicateReason,
  rows: WindowRow[],
): Promise<Array<{ key: string; ids: string[] }>> {
  const byKey = new Map<string, WindowRow[]>()
  for (const r of rows) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r])
  const blocks = [...byKey.entries()].filter(([, rs]) => rs.length > 1)
  if (reason !== 'name') return blocks.map(([key, rs]) => ({ key, ids: rs.map((r) => r.id) }))
  const pairs = await similarPairs(
    tx,
    entity,
    blocks.flatMap(([, rs]) => rs),
  )
  const keyOf = new Map(rows.map((r) => [r.id, r.key]))
  return pairs.map(([a, b]) => ({ key: keyOf.get(a) ?? '', ids: [a, b] }))
}

/**
 * The records of the page's groups, each read by key (a lateral lookup per id, LIMIT 1 keeping it one: a
 * plain IN list may be planned as a scan of the tenant), with its live company by key too.
 */
async function details(tx: Tx, actor: Actor, entity: TMergeEntity, ids: string[]) {
  const found = new Map<string, DuplicateRecord>()
  if (ids.length === 0) return found
  const keys = `{${ids.join(',')}}`
  if (entity === 'contact') {
    const result = (await tx.execute(sql`
      select r.id, r.full_name as name, r.email::text as email, r.phone, r.assigned_user_id, r.created_at,
        (select ${o.name} from ${o} where ${o.tenantId} = r.tenant_id and ${o.id} = r.organization_id
           and ${o.deletedAt} is null limit 1) as organization_name
      from unnest(${keys}::uuid[]) as k(id)
      cross join lateral (select * from ${c} where ${c.tenantId} = ${actor.tenantId} and ${c.id} = k.id
        and ${c.deletedAt} is null limit 1) r`)) as unknown as { rows: DetailRow[] }
    for (const r of result.rows) found.set(r.id, record(r))
    return found
  }
  const result = (await tx.execute(sql`
    select r.id, r.name, r.website, r.created_at
    from unnest(${keys}::uuid[]) as k(id)
    cross join lateral (select * from ${o} where ${o.tenantId} = ${actor.tenantId} and ${o.id} = k.id
      and ${o.deletedAt} is null limit 1) r`)) as unknown as { rows: DetailRow[] }
  for (const r of result.rows) found.set(r.id, record(r))
  return found
}

interface DetailRow {
  id: string
  name: string
  email?: string | null
  phone?: string | null
  website?: string | null
  organization_name?: string | null
  assigned_user_id?: string | null
  created_at: string | Date
}

const record = (r: DetailRow): DuplicateRecord => ({
  id: r.id,
  name: r.name,
  email: r.email ?? null,
  phone: r.phone ?? null,
  organizationName: r.organization_name ?? null,
  website: r.website ?? null,
  assignedUserId: r.assigned_user_id ?? null,
  createdAt: new Date(r.created_at).toISOString(),
})

function decodeDuplicatesCursor(entity: TMergeEntity, cursor: string | undefined) {
  const decoded = decodeCursor(cursor, (v) => typeof v === 'string')
  if (!decoded) return { reasonIndex: 0, after: null as string | null }
  const text = decoded[0] as string
  const at = text.indexOf('|')
  const reasonIndex = Number(text.slice(0, at))
  const after = text.slice(at + 1) || null
  const reason = REASONS[entity][reasonIndex]
  if (at < 1 || !reason || (entity === 'contact' && reason === 'name' && after !== null && !UUID.test(after)))
    throw invalidCursor()
  return { reasonIndex, after }
}

/** A page of likely duplicate groups, each with its reason; nextCursor while keys remain to be walked. */
export async function listDuplicates(tx: Tx, actor: Actor, query: TDuplicatesQuery) {
  const { entity, limit } = query
  const reasons: readonly TDuplicateReason[] = REASONS[entity]
  const start = decodeDuplicatesCursor(entity, query.cursor)
  const size = windowOf(limit)
  const reason = reasons[start.reasonIndex] as TDuplicateReason
  const rows = await readWindow(tx, actor, entity, reason, start.after, size)
  const full = rows.length === size
  const lastKey = rows[rows.length - 1]?.key
  // A full window may end inside a group: that key is read again by the next page (unless it is all there is).
  const complete = full && rows.some((r) => r.key !== lastKey) ? rows.filter((r) => r.key !== lastKey) : rows
  let groups = await groupsOf(tx, entity, reason, complete)
  let resumeAfter: string | null | undefined = full ? complete[complete.length - 1]?.key : undefined
  if (groups.length > limit) {
    // Too many groups for the page: stop after the last key shown (its block's other pairs go with it).
    const lastShown = groups[limit - 1]?.key as string
    let end = limit
    while (groups[end]?.key === lastShown) end++
    groups = groups.slice(0, end)
    resumeAfter = lastShown
  }
  const found = await details(
    tx,
    actor,
    entity,
    groups.flatMap((g) => g.ids),
  )
  const data: DuplicateGroup[] = []
  for (const g of groups) {
    const records = g.ids.map((id) => found.get(id)).filter((r): r is DuplicateRecord => r !== undefined)
    if (records.length > 1) data.push({ reason, key: g.key, records })
  }
  let nextCursor: string | null = null
  if (resumeAfter !== undefined && resumeAfter !== null)
    nextCursor = encodeCursor([`${start.reasonIndex}|${resumeAfter}`, NIL])
  else if (start.reasonIndex + 1 < reasons.length)
    nextCursor = encodeCursor([`${start.reasonIndex + 1}|`, NIL])
  return { data, nextCursor }
}
