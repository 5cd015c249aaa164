import { schema, type Tx } from '@aura/db'
import { eq } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { AppError } from '../../lib/problem.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { notify } from '../notifications/notify.ts'
import { type LostReason, resolveLostReason } from '../processes/lost-reasons.ts'
import { assertRequiredFields } from './check-deal-fields.ts'
import { getDeal, lockDeal } from './deal-view.ts'
import type { TMoveDeal } from './deals.inputs.ts'
import { recordStageChange } from './record-stage-change.ts'
import { enterStage, resolveProcess, resolveStage, type Stage } from './resolve-deal-stage.ts'

const refuse = (field: string, message: string) =>
  new AppError('unprocessable', message, { errors: [{ field, message }] })

/**
 * F8.4/F11.6: moves a deal to a stage of its process, or of another process when `processId` is given
 * (open question 1: allowed with an explicit stage, logged as deal.process_changed). The target's required
 * fields are enforced (F11.7). The probability becomes the target stage's default (ADR 0051). Entering won or
 * lost closes the deal and freezes its stage name, probability and final amount (F11.9); a lost deal may
 * say why (one of the process's lost reasons). A closed deal goes back to an open stage only with
 * `reopen: true`, audited as deal.reopened (issue 13, ADR 0163): a stray drag on the board cannot reopen it.
 */
export async function moveDealToStage(
  tx: Tx,
  { actor, id, target }: { actor: Actor; id: string; target: TMoveDeal },
) {
  const deal = await lockDeal(tx, id)
  const processId = target.processId ?? deal.processId
  if (processId !== deal.processId) await resolveProcess(tx, processId)
  const stage = await resolveStage(tx, processId, target.stageId)
  const reason = await lostReasonFor(tx, stage, target.lostReasonId)
  if (stage.id === deal.stageId) {
    if (reason && reason.id !== deal.lostReasonId) await changeLostReason(tx, actor, deal, reason)
    return getDeal(tx, id)
  }
  const reopening = deal.status !== 'open' && stage.kind === 'open'
  if (reopening && !target.reopen) {
    throw refuse('reopen', `The deal is ${deal.status}: reopen it to move it back to an open stage`)
  }
  assertRequiredFields(stage, deal)
  const from = await resolveStage(tx, deal.processId, deal.stageId)
  const probability = stage.winProbability
  await tx
    .update(schema.deals)
    .set({ probability, ...enterStage(stage, { amount: deal.amount, probability }, reason?.id ?? null) })
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
    action: crossed ? 'deal.process_changed' : reopening ? 'deal.reopened' : 'deal.stage_changed',
    actorUserId: actor.userId,
    entityType: 'deal',
    entityId: id,
    before: { processId: deal.processId, stageId: from.id, stageName: from.name, status: deal.status },
    after: {
      processId,
      stageId: stage.id,
      stageName: stage.name,
      status: after.status,
      probability,
      ...(reason ? { lostReason: reason.label } : {}),
    },
    requestId: actor.requestId,
  })
  // The deal's owner hears of a move someone else made (notify never tells the actor).
  const kind =
    after.status === 'won' ? 'deal.won' : after.status === 'lost' ? 'deal.lost' : 'deal.stage_changed'
  await notify(tx, actor, [{ kind, recipientUserId: after.assignedUserId, about: { dealId: id } }])
  return after
}

/** The given reason, which needs a lost stage and must be one of its process's live reasons. */
async function lostReasonFor(tx: Tx, stage: Stage, lostReasonId: string | undefined) {
  if (!lostReasonId) return null
  if (stage.kind !== 'lost') throw refuse('lostReasonId', 'Only a lost deal has a lost reason')
  return resolveLostReason(tx, stage.processId, lostReasonId)
}

/** A deal already lost (dragged to the lost column, say) is told why afterwards. */
async function changeLostReason(
  tx: Tx,
  actor: Actor,
  deal: { id: string; lostReasonId: string | null },
  reason: LostReason,
) {
  await tx.update(schema.deals).set({ lostReasonId: reason.id }).where(eq(schema.deals.id, deal.id))
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    action: 'deal.lost_reason_changed',
    actorUserId: actor.userId,
    entityType: 'deal',
    entityId: deal.id,
    after: { lostReason: reason.label },
    requestId: actor.requestId,
  })
}
