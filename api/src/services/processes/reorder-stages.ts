import { schema, type Tx } from '@aura/db'
import { eq, sql } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { AppError } from '../../lib/problem.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { notifyProcessChanged } from '../notifications/notify-process-changed.ts'
import { loadStages, lockProcess, toStage } from './process-view.ts'

/** F11.8: `stageIds` must list every stage of the process exactly once; positions become 0, 1, … */
export async function reorderStages(
  tx: Tx,
  { actor, processId, stageIds }: { actor: Actor; processId: string; stageIds: string[] },
) {
  await lockProcess(tx, processId)
  const current = await loadStages(tx, processId)
  const known = new Set(current.map((s) => s.id))
  const given = new Set(stageIds)
  if (given.size !== stageIds.length || given.size !== known.size || stageIds.some((id) => !known.has(id))) {
    throw new AppError('unprocessable', 'List every stage of the process exactly once', {
      errors: [
        { field: 'stageIds', message: `Expected a permutation of the process's ${known.size} stage ids` },
      ],
    })
  }
  const ps = schema.processStages
  const ids = sql`${`{${stageIds.join(',')}}`}::uuid[]`
  await tx.execute(sql`update ${ps} set position = o.ord - 1
    from unnest(${ids}) with ordinality as o(id, ord)
    where ${ps.id} = o.id and ${eq(ps.processId, processId)}`)
  const after = await loadStages(tx, processId)
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    action: 'process.stages_reordered',
    actorUserId: actor.userId,
    entityType: 'process',
    entityId: processId,
    before: { stageIds: current.map((s) => s.id) },
    after: { stageIds },
    requestId: actor.requestId,
  })
  if (current.some((s, i) => s.id !== stageIds[i])) await notifyProcessChanged(tx, actor, processId)
  return after.map(toStage)
}
