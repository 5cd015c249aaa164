import { schema, type Tx } from '@aura/db'
import { count, eq } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { AppError } from '../../lib/problem.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { lockProcess, toProcess } from './process-view.ts'

/**
 * Deletes a process and its stages — only one that never held a deal (ADR 0050). A process with deals,
 * even archived or soft-deleted ones, keeps them: deleting it would erase their history, so the answer is
 * 409 pointing to archive, which hides the process and keeps every deal.
 */
export async function deleteProcess(tx: Tx, { actor, id }: { actor: Actor; id: string }) {
  const before = await lockProcess(tx, id)
  if (before.isDefault) {
    throw new AppError('unprocessable', 'The default process cannot be deleted', {
      errors: [{ field: 'id', message: 'Make another process the default first' }],
    })
  }
  const [row] = await tx.select({ n: count() }).from(schema.deals).where(eq(schema.deals.processId, id))
  const deals = row?.n ?? 0
  if (deals > 0) {
    throw new AppError('conflict', `This process has ${deals} deal(s); archive it instead to keep them`, {
      errors: [
        { field: 'id', message: 'Archive the process (PATCH archived: true) to hide it and keep its deals' },
      ],
      deals,
    })
  }
  await tx.delete(schema.salesProcesses).where(eq(schema.salesProcesses.id, id))
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    action: 'process.deleted',
    actorUserId: actor.userId,
    entityType: 'process',
    entityId: id,
    before: toProcess(before, []),
    requestId: actor.requestId,
  })
}
