import type { Deps } from '../../context.ts'
import { createRouter } from '../../lib/router.ts'
import { memberTx, requireMember } from '../../middleware/auth.ts'
import { requireStepUp } from '../../middleware/step-up.ts'
import { recordAudit } from '../../services/audit/record-audit.ts'
import { streamCsv, streamJson } from '../../services/export/stream-export.ts'
import { exportData } from './export.routes.ts'

export const exportRoutes = (deps: Deps) =>
  createRouter().openapi(exportData, async (c) => {
    const actor = requireMember(c, 'export.run')
    requireStepUp(c)
    const { format, entity } = c.req.valid('query')
    const ctx = { tenantId: actor.tenantId, userId: actor.userId, role: actor.role }
    const now = new Date()
    // Audited before the first byte: an export that is cut off was still an export of data.
    await memberTx(deps, actor, (tx) =>
      recordAudit(tx, {
        tenantId: actor.tenantId,
        action: 'tenant.exported',
        actorUserId: actor.userId,
        entityType: 'tenant',
        entityId: actor.tenantId,
        after: { format, entity: entity ?? 'all' },
        requestId: c.get('requestId'),
      }),
    )
    const stamp = now.toISOString().slice(0, 10)
    if (format === 'csv' && entity) {
      c.header('Content-Disposition', `attachment; filename="aura-${entity}-${stamp}.csv"`)
      return c.body(streamCsv(deps.db, ctx, entity), 200, { 'Content-Type': 'text/csv; charset=utf-8' })
    }
    c.header('Content-Disposition', `attachment; filename="aura-export-${stamp}.json"`)
    return c.body(streamJson(deps.db, ctx, now), 200, { 'Content-Type': 'application/json' })
  })
