import { schema, type Tx } from '@aura/db'
import { DEFAULT_LOST_REASONS } from '@aura/db/seed/processes'
import { sql } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { AppError } from '../../lib/problem.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { toProcess } from './process-view.ts'
import type { TCreateProcess } from './processes.inputs.ts'
import { clearDefaultProcess } from './update-process.ts'

/**
 * A process, optionally with its stages in one go (F11.1); `isDefault` moves the default to it. It starts
 * with the default lost reasons, as a new workspace's process does, so "Lost…" offers reasons at once.
 */
export async function createProcess(tx: Tx, { actor, input }: { actor: Actor; input: TCreateProcess }) {
  const hasOpen = input.stages.some((s) => s.kind === 'open')
  if (input.stages.length > 0 && !hasOpen) {
    throw new AppError('unprocessable', 'A process needs at least one open stage', {
      errors: [{ field: 'stages', message: 'Add at least one stage of kind open' }],
    })
  }
  if (input.isDefault && !hasOpen) {
    throw new AppError('unprocessable', 'The default process needs an open stage for new deals', {
      errors: [{ field: 'isDefault', message: 'Add an open stage first' }],
    })
  }
  const sp = schema.salesProcesses
  if (input.isDefault) await clearDefaultProcess(tx)
  const [process] = await tx
    .insert(sp)
    .values({
      tenantId: actor.tenantId,
      name: input.name,
      description: input.description ?? null,
      isDefault: input.isDefault,
      position: sql`(select coalesce(max(${sp.position}), -1) + 1 from ${sp})`,
    })
    .returning()
  if (!process) throw new Error('insert returned no process')
  const stages = input.stages.length
    ? await tx
        .insert(schema.processStages)
        .values(
          input.stages.map((s, position) => ({
            ...s,
            position,
            tenantId: actor.tenantId,
            processId: process.id,
          })),
        )
        .returning()
    : []
  await tx.insert(schema.lostReasons).values(
    DEFAULT_LOST_REASONS.map((label, position) => ({
      tenantId: actor.tenantId,
      processId: process.id,
      label,
      position,
    })),
  )
  const view = toProcess(
    process,
    stages.sort((a, b) => a.position - b.position),
  )
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    action: 'process.created',
    actorUserId: actor.userId,
    entityType: 'process',
    entityId: process.id,
    after: view,
    requestId: actor.requestId,
  })
  return view
}
