import { schema, type Tx } from '@aura/db'
import type { Actor } from '../../lib/actor.ts'

/** One audit row per record an import wrote, as its single write would, marked with the import's id. */
export async function auditBatch(
  tx: Tx,
  actor: Actor,
  importId: string,
  action: string,
  entries: { id: string; before?: unknown; after?: unknown }[],
) {
  if (entries.length === 0) return
  await tx.insert(schema.auditLog).values(
    entries.map((e) => ({
      tenantId: actor.tenantId,
      action,
      actorUserId: actor.userId,
      entityType: action.split('.')[0],
      entityId: e.id,
      before: e.before ?? null,
      after: { ...(e.after as object | undefined), importId },
      requestId: actor.requestId,
    })),
  )
}
