import { schema, type Tx } from '@aura/db'
import { and, eq, ne } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { AppError } from '../../lib/problem.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { notifyProcessChanged } from '../notifications/notify-process-changed.ts'
import { loadStages, lockProcess, toProcess } from './process-view.ts'
import type { TUpdateProcess } from './processes.inputs.ts'

const unprocessable = (field: string, message: string) =>
  new AppError('unprocessable', message, { errors: [{ field, message }] })

/**
 * Unsets the current default. Runs before the new default is set, in the same transaction: the partial
 * unique index (one live default per tenant) is checked per row, so a single swapping UPDATE could trip it.
 */
export async function clearDefaultProcess(tx: Tx, exceptId?: string) {
  const sp = schema.salesProcesses
  await tx
    .update(sp)
    .set({ isDefault: false })
    .where(and(eq(sp.isDefault, true), exceptId ? ne(sp.id, exceptId) : undefined))
}

/** Rename, describe, archive/unarchive (hide, keep data) or make default (F11.13: exactly one). */
export async function updateProcess(
  tx: Tx,
  { actor, id, input }: { actor: Actor; id: string; input: TUpdateProcess },
) {
  const before = await lockProcess(tx, id)
  const stages = await loadStages(tx, id)
  const archived = input.archived ?? before.archivedAt !== null
  const makeDefault = input.isDefault === true && !before.isDefault
  if (archived && (before.isDefault || input.isDefault)) {
    throw unprocessable(
      'archived',
      'The default process cannot be archived; make another process the default first',
    )
  }
  if (makeDefault && !stages.some((s) => s.kind === 'open')) {
    throw unprocessable('isDefault', 'The default process needs an open stage for new deals')
  }
  if (makeDefault) await clearDefaultProcess(tx, id)
  const [after] = await tx
    .update(schema.salesProcesses)
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(makeDefault ? { isDefault: true } : {}),
      archivedAt: archived ? (before.archivedAt ?? new Date()) : null,
    })
    .where(eq(schema.salesProcesses.id, id))
    .returning()
  if (!after) throw new Error('process vanished under lock')
  const view = toProcess(after, stages)
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    action: makeDefault ? 'process.default_changed' : 'process.updated',
    actorUserId: actor.userId,
    entityType: 'process',
    entityId: id,
    before: toProcess(before, []),
    after: { ...view, stages: undefined },
    requestId: actor.requestId,
  })
  if (after.name !== before.name) await notifyProcessChanged(tx, actor, id)
  return view
}
