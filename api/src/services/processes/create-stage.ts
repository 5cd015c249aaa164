import { schema, type Tx } from '@aura/db'
import { eq, sql } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { notifyProcessChanged } from '../notifications/notify-process-changed.ts'
import { lockProcess, toStage } from './process-view.ts'
import type { TCreateStage } from './processes.inputs.ts'

/** Appends a stage at the end of the process's board. */
export async function createStage(
  tx: Tx,
  { actor, processId, input }: { actor: Actor; processId: string; input: TCreateStage },
) {
  await lockProcess(tx, processId)
  const ps = schema.processStages
  const [stage] = await tx
    .insert(ps)
    .values({
      ...input,
      tenantId: actor.tenantId,
      processId,
      position: sql`(select coalesce(max(${ps.position}), -1) + 1 from ${ps} where ${eq(ps.processId, processId)})`,
    })
    .returning()
  if (!stage) throw new Error('insert returned no stage')
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    action: 'process.stage_created',
    actorUserId: actor.userId,
    entityType: 'process',
    entityId: processId,
    after: toStage(stage),
    requestId: actor.requestId,
  })
  await notifyProcessChanged(tx, actor, processId)
  return toStage(stage)
}
