import type { Deps } from '../../context.ts'
import { createRouter } from '../../lib/router.ts'
import { memberTx, requireMember } from '../../middleware/auth.ts'
import { getWorkspace } from '../../services/workspace/get-workspace.ts'
import { updateWorkspace } from '../../services/workspace/update-workspace.ts'
import * as routes from './workspace.routes.ts'

export const workspaceRoutes = (deps: Deps) =>
  createRouter()
    .openapi(routes.getWorkspace, async (c) => {
      const actor = requireMember(c, 'workspace.read')
      return c.json(await memberTx(deps, actor, getWorkspace), 200)
    })
    .openapi(routes.updateWorkspace, async (c) => {
      const actor = requireMember(c, 'workspace.update')
      const patch = c.req.valid('json')
      return c.json(await memberTx(deps, actor, (tx) => updateWorkspace(tx, { actor, patch })), 200)
    })
