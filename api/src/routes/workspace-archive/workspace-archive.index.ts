// The complete workspace archive (ADR 0125): download it, and restore one into a new, empty workspace.
// Both are admin-only after step-up and audited; a refused restore is audited too (in its own transaction,
// since the restore's rolled back), without the archive's content.

import { createMiddleware } from 'hono/factory'
import type { AppEnv, Deps } from '../../context.ts'
import { AppError } from '../../lib/problem.ts'
import { createRouter } from '../../lib/router.ts'
import { memberTx, requireMember } from '../../middleware/auth.ts'
import { readBody } from '../../middleware/read-body.ts'
import { requireStepUp } from '../../middleware/step-up.ts'
import { recordAudit } from '../../services/audit/record-audit.ts'
import { RESTORE_MAX_BYTES } from '../../services/workspace-archive/archive-format.ts'
import { restoreWorkspaceArchive } from '../../services/workspace-archive/restore-workspace-archive.ts'
import { streamArchive } from '../../services/workspace-archive/stream-archive.ts'
import { downloadArchive, restoreArchive } from './workspace-archive.routes.ts'

/** Before the body is read: who may restore, then how much they may send. */
const restoreGuards = [
  createMiddleware<AppEnv>(async (c, next) => {
    requireMember(c, 'workspace.update')
    requireStepUp(c)
    await next()
  }),
  readBody(
    RESTORE_MAX_BYTES,
    `Over ${RESTORE_MAX_BYTES / 1024 / 1024} MB: restore it with npm run workspace:restore`,
  ),
]

/** The one route whose body is larger than the API's default limit (app.ts leaves it to `readBody` here). */
export const RESTORE_ARCHIVE_PATH = '/api/v1/workspace/archive/restore'

export const workspaceArchiveRoutes = (deps: Deps) =>
  createRouter()
    .openapi(downloadArchive, async (c) => {
      const actor = requireMember(c, 'export.run')
      requireStepUp(c)
      const exportedAt = new Date()
      // Audited before the first byte: an archive cut off halfway was still a copy of data.
      await memberTx(deps, actor, (tx) =>
        recordAudit(tx, {
          tenantId: actor.tenantId,
          action: 'workspace.archived',
          actorUserId: actor.userId,
          entityType: 'tenant',
          entityId: actor.tenantId,
          requestId: c.get('requestId'),
        }),
      )
      const site = c.get('site')
      const slug = site.kind === 'tenant' ? site.tenant.slug : 'workspace'
      const ctx = { tenantId: actor.tenantId, userId: actor.userId, role: actor.role }
      return c.body(streamArchive(deps.db, ctx, exportedAt), 200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="aura-${slug}-archive-${exportedAt.toISOString().slice(0, 10)}.json"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      })
    })
    .openapi(restoreArchive(restoreGuards), async (c) => {
      const actor = requireMember(c, 'workspace.update')
      const requestId = c.get('requestId')
      try {
        const result = await restoreWorkspaceArchive(deps.db, {
          tenantId: actor.tenantId,
          userId: actor.userId,
          requestId,
          archive: c.req.valid('json'),
          via: { kind: 'upload' },
        })
        return c.json({ restored: result.restored, matchedUsers: result.matchedUsers }, 200)
      } catch (err) {
        if (err instanceof AppError) {
          await memberTx(deps, actor, (tx) =>
            recordAudit(tx, {
              tenantId: actor.tenantId,
              action: 'workspace.restore_refused',
              actorUserId: actor.userId,
              entityType: 'tenant',
              entityId: actor.tenantId,
              after: { code: err.code, problems: err.extra.errors?.length ?? 0 },
              requestId,
            }),
          )
        }
        throw err
      }
    })
