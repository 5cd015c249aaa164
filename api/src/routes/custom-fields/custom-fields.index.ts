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
      const member = requireMember(c)
      const { entity } = c.req.valid('query')
      const rows = await memberTx(deps, member, (tx) => listCustomFields(tx, member.tenantId, entity))
      return c.json({ data: rows.map(toCustomField), nextCursor: null }, 200)
    })
    .openapi(routes.createCustomField, async (c) => {
      const member = requireMember(c, 'workspace.update')
      const actor = { ...member, requestId: c.get('requestId') }
      const row = await memberTx(deps, member, (tx) => createCustomField(tx, actor, c.req.valid('json')))
      return c.json(toCustomField(row), 201)
    })
    .openapi(routes.deleteCustomField, async (c) => {
      const member = requireMember(c, 'workspace.update')
      const actor = { ...member, requestId: c.get('requestId') }
      await memberTx(deps, member, (tx) => deleteCustomField(tx, actor, c.req.valid('param').id))
      return c.body(null, 204)
    })
