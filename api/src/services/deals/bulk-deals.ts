// Bulk operations on deals (issue 13, NFR-U5): reassign, move to a stage of the same process, or delete many
// deals in ONE transaction, each deal through the same service a single change uses, so every rule holds
// per deal exactly as it does one at a time: visibility (RLS: a rep reaches only their own deals; a deal
// they cannot see is a 404 for the whole operation), role (only managers and admins reassign), the stage's
// required fields, stage history, pipeline totals and one audit row per deal. Any refusal rolls back the
// whole operation: nothing half-done.
import type { Tx } from '@aura/db'
import type { Actor } from '../../lib/actor.ts'
import { AppError } from '../../lib/problem.ts'
import { BULK_LIMIT, type TBulkDeals } from './bulk-deals.inputs.ts'
import { deleteDeal } from './delete-deal.ts'
import { listDeals } from './list-deals.ts'
import { moveDealToStage } from './move-deal-to-stage.ts'
import { updateDeal } from './update-deal.ts'

/** Every visible deal the filter matches, up to the cap; more than the cap is refused, not cut short. */
async function matching(tx: Tx, filter: NonNullable<TBulkDeals['filter']>): Promise<string[]> {
  const ids: string[] = []
  let cursor: string | undefined
  do {
    const page = await listDeals(tx, { ...filter, limit: 100, sort: 'createdAt', direction: 'desc', cursor })
    ids.push(...page.data.map((d) => d.id))
    cursor = page.nextCursor ?? undefined
    if (ids.length > BULK_LIMIT)
      throw new AppError('unprocessable', `More than ${BULK_LIMIT} deals match: narrow the filter`, {
        errors: [{ field: 'filter', message: `Select at most ${BULK_LIMIT} deals at once` }],
      })
  } while (cursor)
  return ids
}

/** One deal's change; a refusal names the deal's place in the selection (`ids.3`). */
async function apply(tx: Tx, actor: Actor, input: TBulkDeals, id: string, index: number) {
  try {
    if (input.action === 'reassign')
      await updateDeal(tx, { actor, id, input: { assignedUserId: input.assignedUserId } })
    else if (input.action === 'move')
      await moveDealToStage(tx, { actor, id, target: { stageId: input.stageId } })
    else await deleteDeal(tx, { actor, id })
  } catch (err) {
    if (!(err instanceof AppError)) throw err
    const why = err.extra.errors?.[0]?.message ?? err.message
    throw new AppError(err.code, err.message, {
      ...err.extra,
      errors: [{ field: `ids.${index}`, message: `Deal ${id}: ${why}` }],
    })
  }
}

export async function bulkDeals(tx: Tx, { actor, input }: { actor: Actor; input: TBulkDeals }) {
  const ids = input.ids ? [...new Set(input.ids)] : await matching(tx, input.filter ?? {})
  if (!input.dryRun) for (const [i, id] of ids.entries()) await apply(tx, actor, input, id, i)
  return { action: input.action, dryRun: input.dryRun, count: ids.length, ids }
}
