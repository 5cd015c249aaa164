// F5.6: security events are written twice, for the workspace's admins (audit_log, where the admin view
// filters them by their `security.` prefix) and for the platform (platform_audit_log), each in its own
// transaction: the request that caused one has usually failed and rolled back.
import { type Db, withPlatform, withTenant } from '@aura/db'
import type { Logger } from '../../lib/logger.ts'
import { recordAudit, recordPlatformAudit } from './record-audit.ts'

export const SECURITY_PREFIX = 'security.'

export type SecurityAction =
  | 'security.cross_tenant_attempt'
  | 'security.rls_violation'
  | 'security.not_found_burst'

export interface SecurityEvent {
  action: SecurityAction
  /** The workspace it happened on, if any (a root-domain request has none). */
  tenantId: string | null
  actorUserId: string | null
  details: Record<string, unknown>
  requestId?: string
}

export async function recordSecurityEvent(db: Db, event: SecurityEvent): Promise<void> {
  const { action, tenantId, actorUserId, details, requestId } = event
  if (tenantId) {
    await withTenant(db, { tenantId }, (tx) =>
      recordAudit(tx, { tenantId, action, actorUserId, entityType: 'user', after: details, requestId }),
    )
  }
  await withPlatform(db, 'security-event', (tx) =>
    recordPlatformAudit(tx, { action, actorUserId, targetTenantId: tenantId, details, requestId }),
  )
}

/**
 * For the error path, where the answer is already decided: a failure to record is logged, never allowed
 * to turn a 403 or 404 into a 500.
 */
export async function tryRecordSecurityEvent(db: Db, log: Logger | undefined, event: SecurityEvent) {
  try {
    await recordSecurityEvent(db, event)
  } catch (err) {
    log?.error('security event not recorded', { action: event.action, error: (err as Error).name })
  }
}
