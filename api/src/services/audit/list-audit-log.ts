import { schema, type Tx } from '@aura/db'
import { and, eq, gte, like, lt } from 'drizzle-orm'
import { newestFirst, toPage } from '../../lib/pagination.ts'
import { SECURITY_PREFIX } from './record-security-event.ts'

export interface ListAuditLogInput {
  limit: number
  cursor?: string | undefined
  action?: string | undefined
  /** `security`: the security events (F5.6), whose actions all start with `security.`. */
  category?: 'security' | undefined
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
  const order = newestFirst(a.createdAt, a.id, input.cursor)
  const rows = await tx
    .select({ entry: a, key: order.key })
    .from(a)
    .where(
      and(
        input.action ? eq(a.action, input.action) : undefined,
        input.category === 'security' ? like(a.action, `${SECURITY_PREFIX}%`) : undefined,
        input.actorUserId ? eq(a.actorUserId, input.actorUserId) : undefined,
        input.entityType ? eq(a.entityType, input.entityType) : undefined,
        input.entityId ? eq(a.entityId, input.entityId) : undefined,
        input.from ? gte(a.createdAt, input.from) : undefined,
        input.to ? lt(a.createdAt, input.to) : undefined,
        order.after,
      ),
    )
    .orderBy(...order.orderBy)
    .limit(input.limit + 1)
  const page = toPage(rows, input.limit, (r) => [r.key, r.entry.id])
  return {
    data: page.data.map(({ entry: r }) => ({
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
    nextCursor: page.nextCursor,
  }
}
