// Bulk operations on deals (issue 13, NFR-U5): reassign, move to a stage of the same process, or delete many
// deals in ONE transaction, each deal through the same service a single change uses, so every rule holds
// per deal exactly as it does one at a time: visibility (RLS: a rep reaches only their own deals; a deal
// they cannot see is a 404 for the whole operation), role (only managers and admins reassign), the stage's
// required fields, stage history, pipeline totals and one audit row per deal. Any refusal rolls back the
// whole operation: nothing half-done (lib/bulk.ts).
import type { Tx } from '@aura/db'
import type { Actor } from '../../lib/actor.ts'
import { runBulk } from '../../lib/bulk.ts'
import type { TBulkDeals } from './bulk-deals.inputs.ts'
import { deleteDeal } from './delete-deal.ts'
import { listDeals } from './list-deals.ts'
import { moveDealToStage } from './move-deal-to-stage.ts'
import { updateDeal } from './update-deal.ts'

export async function bulkDeals(tx: Tx, { actor, input }: { actor: Actor; input: TBulkDeals }) {
  const filter = input.filter ?? {}
  return runBulk({
    noun: ['Deal', 'deals'],
    input,
    page: (cursor) => listDeals(tx, { ...filter, limit: 100, sort: 'createdAt', direction: 'desc', cursor }),
    apply: (id) => {
      if (input.action === 'reassign')
        return updateDeal(tx, { actor, id, input: { assignedUserId: input.assignedUserId } })
      if (input.action === 'move')
        return moveDealToStage(tx, { actor, id, target: { stageId: input.stageId } })
      return deleteDeal(tx, { actor, id })
    },
  })
}
