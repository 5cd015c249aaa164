import type { Deps } from '../../context.ts'
import { createRouter } from '../../lib/router.ts'
import { memberTx, requireMember } from '../../middleware/auth.ts'
import { createCustomField } from '../../services/custom-fields/create-custom-field.ts'
import { deleteCustomField } from '../../services/custom-fields/delete-custom-field.ts'
import { listCustomFields } from '../../services/custom-fields/list-custom-fields.ts'
import * as routes from './custom-fields.routes.ts'
import { toCustomField } from './custom-fields.schemas.ts'

// Custom fields are workspace settings: managing them needs the admin-only `workspace.update`.
export const customFieldRoutes = (deps: Deps) =>
  createRouter()
    .openapi(routes.listCustomFields, async (c) => {
      const actor = requireMember(c)
      const { entity } = c.req.valid('query')
      const rows = await memberTx(deps, actor, (tx) => listCustomFields(tx, actor.tenantId, entity))
      return c.json({ data: rows.map(toCustomField), nextCursor: null }, 200)
    })
    .openapi(routes.createCustomField, async (c) => {
      const actor = requireMember(c, 'workspace.update')
      const row = await memberTx(deps, actor, (tx) =>
        createCustomField(tx, { actor, input: c.req.valid('json') }),
      )
      return c.json(toCustomField(row), 201)
    })
    .openapi(routes.deleteCustomField, async (c) => {
      const actor = requireMember(c, 'workspace.update')
      await memberTx(deps, actor, (tx) => deleteCustomField(tx, { actor, id: c.req.valid('param').id }))
      return c.body(null, 204)
    })
