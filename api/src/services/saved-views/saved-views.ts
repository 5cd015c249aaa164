// A user's saved views of a list (issue 13). Private to their owner: RLS keeps every statement to the
// caller's own rows, and the explicit user_id condition lets the (tenant, user, list, name) index answer.
// Not audited: a view is a display preference, like the time zone, and changes no record (ADR 0165).
import { schema, type Tx } from '@aura/db'
import { and, asc, count, eq, ne, sql } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { AppError, notFound } from '../../lib/problem.ts'
import { MAX_VIEWS_PER_LIST, type TCreateSavedView, type TUpdateSavedView } from './saved-views.inputs.ts'

const sv = schema.savedViews
type List = (typeof schema.SAVED_VIEW_LISTS)[number]

export type SavedView = { id: string; list: List; name: string; filters: Record<string, string | number> }
const columns = { id: sv.id, list: sv.list, name: sv.name, filters: sv.filters }

/** The caller's views of a list, by name. */
export function listSavedViews(tx: Tx, actor: Actor, list: List): Promise<SavedView[]> {
  return tx
    .select(columns)
    .from(sv)
    .where(and(eq(sv.tenantId, actor.tenantId), eq(sv.userId, actor.userId), eq(sv.list, list)))
    .orderBy(asc(sql`lower(${sv.name})`))
}

async function assertNameFree(tx: Tx, actor: Actor, list: List, name: string, exceptId?: string) {
  const [taken] = await tx
    .select({ id: sv.id })
    .from(sv)
    .where(
      and(
        eq(sv.tenantId, actor.tenantId),
        eq(sv.userId, actor.userId),
        eq(sv.list, list),
        sql`lower(${sv.name}) = lower(${name})`,
        exceptId ? ne(sv.id, exceptId) : undefined,
      ),
    )
  if (taken) {
    throw new AppError('unprocessable', 'You already have a view with that name', {
      errors: [{ field: 'name', message: 'Already one of your views' }],
    })
  }
}

/** Saves the caller's view; a name they already use, or a view past the cap, is a 422 naming the field. */
export async function createSavedView(
  tx: Tx,
  { actor, input }: { actor: Actor; input: TCreateSavedView },
): Promise<SavedView> {
  const [kept] = await tx
    .select({ n: count() })
    .from(sv)
    .where(and(eq(sv.tenantId, actor.tenantId), eq(sv.userId, actor.userId), eq(sv.list, input.list)))
  if ((kept?.n ?? 0) >= MAX_VIEWS_PER_LIST) {
    throw new AppError('unprocessable', `You can keep up to ${MAX_VIEWS_PER_LIST} views of a list`, {
      errors: [{ field: 'list', message: `Delete a view first (at most ${MAX_VIEWS_PER_LIST})` }],
    })
  }
  await assertNameFree(tx, actor, input.list, input.name)
  const [view] = await tx
    .insert(sv)
    .values({ tenantId: actor.tenantId, userId: actor.userId, ...input })
    .returning(columns)
  if (!view) throw new Error('insert returned no saved view')
  return view
}

/** Renames a view or replaces its filters; another user's view is a 404 like a missing one. */
export async function updateSavedView(
  tx: Tx,
  { actor, id, input }: { actor: Actor; id: string; input: TUpdateSavedView },
): Promise<SavedView> {
  const mine = and(eq(sv.tenantId, actor.tenantId), eq(sv.userId, actor.userId), eq(sv.id, id))
  const [current] = await tx.select({ list: sv.list }).from(sv).where(mine).for('update')
  if (!current) throw notFound('Saved view')
  if (input.name !== undefined) await assertNameFree(tx, actor, current.list, input.name, id)
  const [view] = await tx
    .update(sv)
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.filters !== undefined ? { filters: input.filters } : {}),
    })
    .where(mine)
    .returning(columns)
  if (!view) throw notFound('Saved view')
  return view
}

export async function deleteSavedView(tx: Tx, { actor, id }: { actor: Actor; id: string }) {
  const [gone] = await tx
    .delete(sv)
    .where(and(eq(sv.tenantId, actor.tenantId), eq(sv.userId, actor.userId), eq(sv.id, id)))
    .returning({ id: sv.id })
  if (!gone) throw notFound('Saved view')
}
