import { schema, type Tx } from '@aura/db'
import { and, desc, eq, gte, lt } from 'drizzle-orm'
import { afterCursor, toPage } from '../../lib/paging.ts'

export interface ListAuditLogInput {
  limit: number
  cursor?: string | undefined
  action?: string | undefined
  actorUserId?: string | undefined
  entityType?: string | undefined
  entityId?: string | undefined
  /** Inclusive lower and exclusive upper bound on created_at. */
  from?: Date | undefined
  to?: Date | undefined
}

/** F14.5: the tenant's audit trail, newest first; each filter has an index starting with tenant_id. */
export async function listAuditLog(tx: Tx, input: ListAuditLogInput) {
  const { auditLog: a } = schema
  const rows = await tx
    .select()
    .from(a)
    .where(
      and(
        input.action ? eq(a.action, input.action) : undefined,
        input.actorUserId ? eq(a.actorUserId, input.actorUserId) : undefined,
        input.entityType ? eq(a.entityType, input.entityType) : undefined,
        input.entityId ? eq(a.entityId, input.entityId) : undefined,
        input.from ? gte(a.createdAt, input.from) : undefined,
        input.to ? lt(a.createdAt, input.to) : undefined,
        afterCursor(a, a, input.cursor),
      ),
    )
    .orderBy(desc(a.createdAt), desc(a.id))
    .limit(input.limit + 1)
  return toPage(
    rows.map((r) => ({
      id: r.id,
      action: r.action,
      actorUserId: r.actorUserId,
      entityType: r.entityType,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
      requestId: r.requestId,
      createdAt: r.createdAt.toISOString(),
    })),
    input.limit,
  )
}
