import { schema, type Tx } from '@aura/db'
import { eq } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { assertRequiredFields } from './check-deal-fields.ts'
import { getDeal, lockDeal } from './deal-view.ts'
import { recordStageChange } from './record-stage-change.ts'
import { enterStage, resolveProcess, resolveStage } from './resolve-deal-stage.ts'

/**
 * F8.4/F11.6: moves a deal to a stage of its process, or of another process when `processId` is given
 * (open question 1: allowed with an explicit stage, logged as deal.process_changed). The target's required
 * fields are enforced (F11.7). The probability becomes the target stage's default (ADR 0051). Entering won or
 * lost closes the deal and freezes its stage name, probability and final amount (F11.9); leaving reopens it.
 */
export async function moveDealToStage(
  tx: Tx,
  {
    actor,
    id,
    target,
  }: { actor: Actor; id: string; target: { stageId: string; processId?: string | undefined } },
) {
  const deal = await lockDeal(tx, id)
  const processId = target.processId ?? deal.processId
  if (processId !== deal.processId) await resolveProcess(tx, processId)
  const stage = await resolveStage(tx, processId, target.stageId)
  if (stage.id === deal.stageId) return getDeal(tx, id)
  assertRequiredFields(stage, deal)
  const from = await resolveStage(tx, deal.processId, deal.stageId)
  const probability = stage.winProbability
  await tx
    .update(schema.deals)
    .set({ probability, ...enterStage(stage, { amount: deal.amount, probability }) })
    .where(eq(schema.deals.id, id))
  const after = await getDeal(tx, id)
  await recordStageChange(tx, {
    tenantId: actor.tenantId,
    dealId: id,
    from: { processId: deal.processId, stageId: from.id, stageName: from.name },
    to: { processId, stageId: stage.id, stageName: stage.name },
    amount: after.amount,
    probability,
  })
  const crossed = processId !== deal.processId
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    action: crossed ? 'deal.process_changed' : 'deal.stage_changed',
    actorUserId: actor.userId,
    entityType: 'deal',
    entityId: id,
    before: { processId: deal.processId, stageId: from.id, stageName: from.name, status: deal.status },
    after: { processId, stageId: stage.id, stageName: stage.name, status: after.status, probability },
    requestId: actor.requestId,
  })
  return after
}
