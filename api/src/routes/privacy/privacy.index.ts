import type { Deps } from '../../context.ts'
import { createRouter } from '../../lib/router.ts'
import { memberTx, requireMember } from '../../middleware/auth.ts'
import { requireStepUp } from '../../middleware/step-up.ts'
import { checkWorkspaceDeletion, deleteOwnWorkspace } from '../../services/privacy/delete-workspace.ts'
import { eraseContact } from '../../services/privacy/erase-contact.ts'
import { exportPersonalData } from '../../services/privacy/personal-data.ts'
import * as routes from './privacy.routes.ts'

/** Admins only; erasure and workspace deletion also need a step-up (NFR-S8, ADR 0173). */
export const privacyRoutes = (deps: Deps) =>
  createRouter()
    .openapi(routes.exportPersonalData, async (c) => {
      const actor = requireMember(c, 'export.run')
      const { id } = c.req.valid('param')
      const data = await memberTx(deps, actor, (tx) => exportPersonalData(tx, { actor, id }))
      c.header('Content-Disposition', `attachment; filename="aura-contact-${id}.json"`)
      c.header('Cache-Control', 'no-store')
      return c.json(data, 200)
    })
    .openapi(routes.eraseContact, async (c) => {
      const actor = requireMember(c, 'workspace.update')
      requireStepUp(c)
      const { id } = c.req.valid('param')
      const input = c.req.valid('json')
      return c.json(await memberTx(deps, actor, (tx) => eraseContact(tx, { actor, id, input })), 200)
    })
    .openapi(routes.deleteWorkspace, async (c) => {
      const actor = requireMember(c, 'workspace.update')
      requireStepUp(c)
      const input = c.req.valid('json')
      const { slug } = await memberTx(deps, actor, (tx) => checkWorkspaceDeletion(tx, { input }))
      return c.json(await deleteOwnWorkspace(deps.db, { actor, slug }), 200)
    })
