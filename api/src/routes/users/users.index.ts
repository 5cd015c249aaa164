import type { Deps } from '../../context.ts'
import { createRouter } from '../../lib/router.ts'
import { memberTx, requireMember } from '../../middleware/auth.ts'
import { requireStepUp } from '../../middleware/step-up.ts'
import { deactivateUser } from '../../services/users/deactivate-user.ts'
import { listUsers } from '../../services/users/list-users.ts'
import { updateUser } from '../../services/users/update-user.ts'
import * as routes from './users.routes.ts'

export const usersRoutes = (deps: Deps) =>
  createRouter()
    .openapi(routes.listUsers, async (c) => {
      const actor = requireMember(c, 'users.read')
      const query = c.req.valid('query')
      return c.json(await memberTx(deps, actor, (tx) => listUsers(tx, query)), 200)
    })
    .openapi(routes.updateUser, async (c) => {
      // Any member may reach this (their own profile); updateUser decides per field with the F4.1 table.
      const actor = requireMember(c)
      const { id } = c.req.valid('param')
      const patch = c.req.valid('json')
      return c.json(await memberTx(deps, actor, (tx) => updateUser(tx, { actor, userId: id, patch })), 200)
    })
    .openapi(routes.deactivateUser, async (c) => {
      // Deactivation is Aura's user deletion (F3.4), a sensitive operation under NFR-S8, for admins and
      // managers alike. Whom a manager may deactivate (reps) is deactivateUser's call (canManageMember).
      const actor = requireMember(c, 'users.deactivate-reps')
      requireStepUp(c)
      const { id } = c.req.valid('param')
      return c.json(await memberTx(deps, actor, (tx) => deactivateUser(tx, { actor, userId: id })), 200)
    })
