import { schema, type Tx } from '@aura/db'
import { and, count, eq, ne } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { AppError } from '../../lib/problem.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { notifyProcessChanged } from '../notifications/notify-process-changed.ts'
import { lockProcess, toStage } from './process-view.ts'
import type { TUpdateStage } from './processes.inputs.ts'
import { countDealsInStage, lockStage } from './stage-of-process.ts'

/**
 * Rename, default probability, required fields, kind. A rename never touches closed deals: they keep the
 * stage name they closed with (F11.9). New probability and required fields apply to deals entering later.
 */
export async function updateStage(
  tx: Tx,
  {
    actor,
    processId,
    stageId,
    input,
  }: { actor: Actor; processId: string; stageId: string; input: TUpdateStage },
) {
  await lockProcess(tx, processId)
  const before = await lockStage(tx, processId, stageId)
  if (input.kind !== undefined && input.kind !== before.kind) await assertKindMayChange(tx, processId, before)
  const [after] = await tx
    .update(schema.processStages)
    .set(input)
    .where(eq(schema.processStages.id, stageId))
    .returning()
  if (!after) throw new Error('stage vanished under lock')
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    action: 'process.stage_updated',
    actorUserId: actor.userId,
    entityType: 'process',
    entityId: processId,
    before: toStage(before),
    after: toStage(after),
    requestId: actor.requestId,
  })
  if (after.name !== before.name) await notifyProcessChanged(tx, actor, processId)
  return toStage(after)
}

/**
 * A deal's status follows its stage's kind, so a stage holding deals keeps its kind (move them first), and
 * the process keeps at least one open stage for new deals.
 */
async function assertKindMayChange(tx: Tx, processId: string, stage: { id: string; kind: string }) {
  const deals = await countDealsInStage(tx, stage.id)
  if (deals > 0) {
    throw new AppError('conflict', `The stage holds ${deals} deal(s); move them before changing its kind`, {
      errors: [{ field: 'kind', message: 'Deals in this stage would change status' }],
    })
  }
  if (stage.kind !== 'open') return
  const ps = schema.processStages
  const [others] = await tx
    .select({ n: count() })
    .from(ps)
    .where(and(eq(ps.processId, processId), eq(ps.kind, 'open'), ne(ps.id, stage.id)))
  if (!others?.n) {
    throw new AppError('unprocessable', 'A process must keep at least one open stage', {
      errors: [{ field: 'kind', message: 'This is the last open stage of the process' }],
    })
  }
}
