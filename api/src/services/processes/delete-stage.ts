import { schema, type Tx } from '@aura/db'
import { and, count, eq, ne, sql } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { AppError } from '../../lib/problem.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { notifyProcessChanged } from '../notifications/notify-process-changed.ts'
import { lockProcess, toStage } from './process-view.ts'
import { countDealsInStage, lockStage } from './stage-of-process.ts'

const unprocessable = (field: string, message: string) =>
  new AppError('unprocessable', message, { errors: [{ field, message }] })

/**
 * F11.10: a stage holding deals is deleted only with `moveTo`, another stage of the same process and of
 * the same kind, so moved deals keep their status (a won deal stays won). Each moved deal gets a
 * stage-history row; open deals take the target's default probability, closed ones keep what they closed with.
 */
export async function deleteStage(
  tx: Tx,
  {
    actor,
    processId,
    stageId,
    moveTo,
  }: { actor: Actor; processId: string; stageId: string; moveTo?: string },
) {
  await lockProcess(tx, processId)
  const stage = await lockStage(tx, processId, stageId)
  const ps = schema.processStages
  if (stage.kind === 'open') {
    const [others] = await tx
      .select({ n: count() })
      .from(ps)
      .where(and(eq(ps.processId, processId), eq(ps.kind, 'open'), ne(ps.id, stageId)))
    if (!others?.n) throw unprocessable('stageId', 'A process must keep at least one open stage')
  }
  const dealCount = await countDealsInStage(tx, stageId)
  let moved = 0
  if (dealCount > 0 || moveTo) {
    if (!moveTo)
      throw unprocessable('moveTo', `The stage holds ${dealCount} deal(s): name a stage to move them to`)
    const [target] = await tx
      .select()
      .from(ps)
      .where(and(eq(ps.processId, processId), eq(ps.id, moveTo)))
    if (!target || target.id === stageId)
      throw unprocessable('moveTo', 'Name another stage of the same process')
    if (target.kind !== stage.kind) {
      throw unprocessable('moveTo', `Name a stage of kind ${stage.kind} so moved deals keep their status`)
    }
    moved = await moveAllDeals(tx, stage, target)
  }
  await tx.delete(ps).where(eq(ps.id, stageId))
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    action: 'process.stage_deleted',
    actorUserId: actor.userId,
    entityType: 'process',
    entityId: processId,
    before: toStage(stage),
    after: { movedDeals: moved, movedTo: moveTo ?? null },
    requestId: actor.requestId,
  })
  await notifyProcessChanged(tx, actor, processId)
}

type Stage = typeof schema.processStages.$inferSelect

/** Two set-based statements, however many deals: history first (it reads each deal's current values). */
async function moveAllDeals(tx: Tx, from: Stage, to: Stage): Promise<number> {
  const d = schema.deals
  const newProbability = sql`case when ${d.status} = 'open' then ${to.winProbability}::int else ${d.probability} end`
  await tx.execute(sql`insert into ${schema.dealStageHistory}
      (tenant_id, deal_id, from_process_id, to_process_id, from_stage_id, to_stage_id,
       from_stage_name, to_stage_name, amount, probability)
    select ${d.tenantId}, ${d.id}, ${d.processId}, ${d.processId}, ${from.id}, ${to.id},
       ${from.name}, ${to.name}, ${d.amount}, ${newProbability}
    from ${d} where ${eq(d.stageId, from.id)}`)
  const moved = await tx
    .update(d)
    .set({ stageId: to.id, probability: newProbability })
    .where(eq(d.stageId, from.id))
    .returning({ id: d.id })
  return moved.length
}
