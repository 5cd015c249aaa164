// Merge two contacts or two organizations into one, and undo it (issue 15, ADR 0172). One transaction
// each: the merge row (what an undo needs), the other record soft-deleted, the survivor given the chosen
// values, every row that pointed at the other moved to the survivor, one audit row. Who may merge is what
// RLS lets the caller change: both records must be visible for update (a rep's own contacts; a hidden or
// foreign id is a 404), and a related row the caller sees but may not change (a colleague's task) refuses
// the merge rather than leave it pointing at a deleted record. Organizations are shared by the tenant and
// their contacts and deals are several people's: merging them is for admins and managers.
import { schema, type Tx } from '@aura/db'
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import type { Actor } from '../../lib/actor.ts'
import { isUniqueViolation } from '../../lib/db-errors.ts'
import { can } from '../../lib/permissions.ts'
import { AppError, notFound } from '../../lib/problem.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { duplicateEmail, EMAIL_KEY } from '../contacts/assert-email-free.ts'
import {
  CONTACT_MERGE_FIELDS,
  ORGANIZATION_MERGE_FIELDS,
  type TMerge,
  type TMergeEntity,
} from './duplicates.inputs.ts'

/** How long a merge can be undone. */
export const UNDO_DAYS = 30

const c = schema.contacts
const o = schema.organizations
const m = schema.merges

type MovedTable = 'deals' | 'activities' | 'tasks' | 'contacts' | 'organizations'
type Moved = Partial<Record<MovedTable, string[]>>

/** The rows that point at a record of each entity, as (table, column). */
const LINKS: Record<
  TMergeEntity,
  Array<{ name: MovedTable; table: PgTable; column: string; what: string }>
> = {
  contact: [
    { name: 'deals', table: schema.deals, column: 'contact_id', what: 'deals' },
    { name: 'activities', table: schema.activities, column: 'contact_id', what: 'activities' },
    { name: 'tasks', table: schema.tasks, column: 'contact_id', what: 'tasks' },
  ],
  organization: [
    { name: 'contacts', table: schema.contacts, column: 'organization_id', what: 'contacts' },
    { name: 'deals', table: schema.deals, column: 'organization_id', what: 'deals' },
    { name: 'organizations', table: schema.organizations, column: 'parent_id', what: 'subsidiaries' },
  ],
}

const FIELDS: Record<TMergeEntity, readonly string[]> = {
  contact: CONTACT_MERGE_FIELDS,
  organization: ORGANIZATION_MERGE_FIELDS,
}

const noun = (entity: TMergeEntity) => (entity === 'contact' ? 'Contact' : 'Organization')
const tableOf = (entity: TMergeEntity) => (entity === 'contact' ? c : o)

const conflict = (field: string, message: string) =>
  new AppError('conflict', message, { errors: [{ field, message }] })

/** A record the caller may change, locked (FOR UPDATE reads under the UPDATE policy), live or merged away. */
async function lockRecord(tx: Tx, actor: Actor, entity: TMergeEntity, id: string, live: boolean) {
  const t = tableOf(entity)
  const [row] = await tx
    .select()
    .from(t)
    .where(
      and(eq(t.tenantId, actor.tenantId), eq(t.id, id), live ? isNull(t.deletedAt) : isNotNull(t.deletedAt)),
    )
    .for('update')
  return row as Record<string, unknown> | undefined
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** Sets the given (camelCase) fields of a record; an e-mail already live elsewhere is a 409 naming it. */
async function setFields(
  tx: Tx,
  actor: Actor,
  entity: TMergeEntity,
  id: string,
  values: Record<string, unknown>,
) {
  if (Object.keys(values).length === 0) return
  const t = tableOf(entity)
  try {
    await tx
      .update(t)
      .set(values as never)
      .where(and(eq(t.tenantId, actor.tenantId), eq(t.id, id)))
  } catch (err) {
    if (isUniqueViolation(err, EMAIL_KEY)) throw duplicateEmail()
    throw err
  }
}

async function moveRows(
  tx: Tx,
  actor: Actor,
  link: (typeof LINKS)[TMergeEntity][number],
  from: string,
  to: string,
  only?: string[],
) {
  if (only && only.length === 0) return []
  const col = sql.identifier(link.column)
  const result = (await tx.execute(sql`
    update ${link.table} set ${col} = ${to}
    where tenant_id = ${actor.tenantId} and ${col} = ${from}
      ${only ? sql`and id = any(${`{${only.join(',')}}`}::uuid[])` : sql``}
    returning id`)) as unknown as { rows: Array<{ id: string }> }
  return result.rows.map((r) => r.id)
}

/** A row still pointing at `id` that the caller sees (but could not change). */
async function anyLeft(tx: Tx, actor: Actor, link: (typeof LINKS)[TMergeEntity][number], id: string) {
  const result = (await tx.execute(sql`
    select 1 from ${link.table} where tenant_id = ${actor.tenantId} and ${sql.identifier(link.column)} = ${id}
    limit 1`)) as unknown as { rows: unknown[] }
  return result.rows.length > 0
}

/** Refuses a merge that would make an organization its own ancestor. */
async function assertNotDescendant(tx: Tx, actor: Actor, survivor: Record<string, unknown>, otherId: string) {
  if (survivor.parentId === otherId)
    throw conflict('survivorId', 'This organization is a subsidiary of the other: keep the parent instead')
  const result = (await tx.execute(sql`
    with recursive up(id, depth) as (
      select parent_id, 1 from ${o} where tenant_id = ${actor.tenantId} and id = ${survivor.id as string}
      union all
      select p.parent_id, up.depth + 1 from up join ${o} p on p.tenant_id = ${actor.tenantId} and p.id = up.id
      where up.depth < 50)
    select 1 from up where id = ${otherId} limit 1`)) as unknown as { rows: unknown[] }
  if (result.rows.length > 0)
    throw conflict('survivorId', 'This organization is within the other’s group: keep the parent instead')
}

export type MergeRow = typeof m.$inferSelect

export function mergeView(row: MergeRow) {
  const undoUntil = new Date(row.createdAt.getTime() + UNDO_DAYS * 86_400_000)
  return {
    id: row.id,
    entity: row.entity,
    survivorId: row.survivorId,
    otherId: row.otherId,
    /** The fields whose value came from the other record. */
    fields: Object.keys(row.survivorAfter),
    moved: Object.fromEntries(Object.entries(row.moved).map(([k, ids]) => [k, ids?.length ?? 0])) as Record<
      string,
      number
    >,
    mergedAt: row.createdAt.toISOString(),
    mergedBy: row.createdBy,
    undoUntil: undoUntil.toISOString(),
    undoneAt: row.undoneAt ? row.undoneAt.toISOString() : null,
    undoneBy: row.undoneBy,
  }
}
export type Merge = ReturnType<typeof mergeView>

/** Merges `otherId` into `survivorId`, taking the chosen values; one audited, undoable operation. */
export async function mergeRecords(
  tx: Tx,
  { actor, input }: { actor: Actor; input: TMerge },
): Promise<Merge> {
  const { entity, survivorId, otherId } = input
  if (entity === 'organization' && !can(actor.role, 'records.reassign'))
    throw new AppError('forbidden', 'Only managers and admins merge organizations', {
      errors: [{ field: 'entity', message: 'Ask a manager to merge these organizations' }],
    })
  // Locked in id order, so two merges of the same pair cannot deadlock.
  const [first, second] = survivorId < otherId ? [survivorId, otherId] : [otherId, survivorId]
  const locked = new Map<string, Record<string, unknown> | undefined>()
  for (const id of [first, second]) locked.set(id, await lockRecord(tx, actor, entity, id, true))
  const survivor = locked.get(survivorId)
  const other = locked.get(otherId)
  if (!survivor || !other) throw notFound(noun(entity))
  if (entity === 'organization') await assertNotDescendant(tx, actor, survivor, otherId)

  const before: Record<string, unknown> = {}
  const after: Record<string, unknown> = {}
  const chosen = (input.fields ?? {}) as Record<string, 'survivor' | 'other' | undefined>
  for (const field of FIELDS[entity]) {
    if (chosen[field] !== 'other' || same(survivor[field], other[field])) continue
    before[field] = survivor[field] ?? null
    after[field] = other[field] ?? null
  }

  // The merge row first: the guards on activities and completed tasks allow their move by it (0034).
  const [row] = await tx
    .insert(m)
    .values({
      tenantId: actor.tenantId,
      entity,
      survivorId,
      otherId,
      survivorBefore: before,
      survivorAfter: after,
    })
    .returning({ id: m.id })
  if (!row) throw new Error('insert returned no merge')

  const t = tableOf(entity)
  await tx
    .update(t)
    .set({ deletedAt: sql`now()` } as never)
    .where(and(eq(t.tenantId, actor.tenantId), eq(t.id, otherId)))
  await setFields(tx, actor, entity, survivorId, after)

  const moved: Moved = {}
  for (const link of LINKS[entity]) {
    moved[link.name] = await moveRows(tx, actor, link, otherId, survivorId)
    if (await anyLeft(tx, actor, link, otherId))
      throw conflict(
        'otherId',
        `Some ${link.what} of this ${entity} belong to a colleague and cannot be moved by you: ask a manager to merge`,
      )
  }
  // A colleague's deal on a rep's contact is invisible to the rep, so it could not move (migration 0034).
  if (entity === 'contact') {
    const left = (await tx.execute(sql`select merge_leaves_deals(${otherId}::uuid) as left`)) as unknown as {
      rows: Array<{ left: boolean }>
    }
    if (left.rows[0]?.left)
      throw conflict('otherId', 'A colleague’s deal is linked to this contact: ask a manager to merge')
  }
  const [saved] = await tx
    .update(m)
    .set({ moved })
    .where(and(eq(m.tenantId, actor.tenantId), eq(m.id, row.id)))
    .returning()
  if (!saved) throw new Error('merge row vanished')

  await recordAudit(tx, {
    tenantId: actor.tenantId,
    action: entity === 'contact' ? 'contact.merged' : 'organization.merged',
    actorUserId: actor.userId,
    entityType: entity,
    entityId: survivorId,
    before: { survivor: before, other: summary(entity, other) },
    after: { mergeId: saved.id, otherId, fields: after, moved },
    requestId: actor.requestId,
  })
  return mergeView(saved)
}

const summary = (entity: TMergeEntity, r: Record<string, unknown>) =>
  entity === 'contact'
    ? { id: r.id, fullName: r.fullName, email: r.email ?? null }
    : { id: r.id, name: r.name, website: r.website ?? null }

/** A merge the caller may see (their own, or any for leads), or 404. */
export async function getMerge(tx: Tx, { actor, id }: { actor: Actor; id: string }): Promise<Merge> {
  const [row] = await tx
    .select()
    .from(m)
    .where(and(eq(m.tenantId, actor.tenantId), eq(m.id, id)))
  if (!row) throw notFound('Merge')
  return mergeView(row)
}

/**
 * Undoes a merge within its window: the other record back, the survivor's values as they were before, and
 * the rows the merge moved (those still on the survivor) moved back. Nothing else the survivor gained since
 * moves. An e-mail taken in the meantime, a survivor deleted or merged again since: 409, nothing changed.
 */
export async function undoMerge(tx: Tx, { actor, id }: { actor: Actor; id: string }): Promise<Merge> {
  const [found] = await tx
    .select({ merge: m, open: sql<boolean>`${m.createdAt} > now() - make_interval(days => ${UNDO_DAYS})` })
    .from(m)
    .where(and(eq(m.tenantId, actor.tenantId), eq(m.id, id)))
    .for('update')
  if (!found) throw notFound('Merge')
  const { merge } = found
  if (merge.undoneAt) throw conflict('id', 'This merge is already undone')
  if (!found.open) throw conflict('id', `A merge can be undone for ${UNDO_DAYS} days; this one is older`)
  const entity = merge.entity
  const survivor = await lockRecord(tx, actor, entity, merge.survivorId, true)
  if (!survivor) {
    const gone = await lockRecord(tx, actor, entity, merge.survivorId, false)
    if (!gone) throw notFound(noun(entity))
    throw conflict('id', 'The surviving record was deleted or merged again since: undo that first')
  }
  const other = await lockRecord(tx, actor, entity, merge.otherId, false)
  if (!other) throw conflict('id', 'The merged record is live again or no longer yours')

  // The undo stamp first: the guards allow the moves back by it (same transaction, undone_at = now()).
  const [saved] = await tx
    .update(m)
    .set({ undoneAt: sql`now()`, undoneBy: actor.userId })
    .where(and(eq(m.tenantId, actor.tenantId), eq(m.id, id)))
    .returning()
  if (!saved) throw new Error('merge row vanished')

  await setFields(tx, actor, entity, merge.survivorId, merge.survivorBefore)
  const t = tableOf(entity)
  try {
    await tx
      .update(t)
      .set({ deletedAt: null } as never)
      .where(and(eq(t.tenantId, actor.tenantId), eq(t.id, merge.otherId)))
  } catch (err) {
    if (isUniqueViolation(err, EMAIL_KEY)) throw duplicateEmail()
    throw err
  }
  const movedBack: Moved = {}
  for (const link of LINKS[entity]) {
    const ids = merge.moved[link.name] ?? []
    movedBack[link.name] = await moveRows(tx, actor, link, merge.survivorId, merge.otherId, ids)
  }
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    action: entity === 'contact' ? 'contact.merge_undone' : 'organization.merge_undone',
    actorUserId: actor.userId,
    entityType: entity,
    entityId: merge.otherId,
    before: { survivor: merge.survivorAfter },
    after: {
      mergeId: merge.id,
      survivorId: merge.survivorId,
      survivor: merge.survivorBefore,
      moved: movedBack,
    },
    requestId: actor.requestId,
  })
  return mergeView(saved)
}
