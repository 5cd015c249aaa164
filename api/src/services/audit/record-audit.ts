import { schema, type Tx } from '@aura/db'

export interface AuditEntry {
  tenantId: string
  action: string
  actorUserId?: string | null
  entityType?: string
  entityId?: string | null
  before?: unknown
  after?: unknown
  requestId?: string
}

/** Appends to the tenant's audit log inside the caller's transaction, so the row and the change commit together. */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.insert(schema.auditLog).values({
    tenantId: entry.tenantId,
    action: entry.action,
    actorUserId: entry.actorUserId ?? null,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: entry.requestId ?? null,
  })
}

export interface PlatformAuditEntry {
  action: string
  actorUserId?: string | null
  targetTenantId?: string | null
  targetUserId?: string | null
  details?: Record<string, unknown>
  requestId?: string
}

/** Platform events (signup, activation, lifecycle, cross-tenant attempts) inside a withPlatform transaction. */
export async function recordPlatformAudit(tx: Tx, entry: PlatformAuditEntry): Promise<void> {
  await tx.insert(schema.platformAuditLog).values({
    action: entry.action,
    actorUserId: entry.actorUserId ?? null,
    targetTenantId: entry.targetTenantId ?? null,
    targetUserId: entry.targetUserId ?? null,
    details: entry.details ?? {},
    requestId: entry.requestId ?? null,
  })
}
