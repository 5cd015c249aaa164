import type { Deps } from '../../context.ts'
import { createRouter } from '../../lib/router.ts'
import { memberTx, requireMember } from '../../middleware/auth.ts'
import { listAuditLog } from '../../services/audit/list-audit-log.ts'
import * as routes from './audit-log.routes.ts'

export const auditLogRoutes = (deps: Deps) =>
  createRouter().openapi(routes.listAuditLog, async (c) => {
    const reader = requireMember(c, 'audit.read')
    const { actor, from, to, ...rest } = c.req.valid('query')
    const input = {
      ...rest,
      actorUserId: actor,
      from: from ? new Date(from) : undefined,
      to: to ? new Date(to) : undefined,
    }
    return c.json(await memberTx(deps, reader, (tx) => listAuditLog(tx, input)), 200)
  })
