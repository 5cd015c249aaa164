import type { Deps } from '../../context.ts'
import { notFound } from '../../lib/problem.ts'
import { createRouter } from '../../lib/router.ts'
import { memberTx, requireMember } from '../../middleware/auth.ts'
import { createOrganization } from '../../services/organizations/create-organization.ts'
import { deleteOrganization } from '../../services/organizations/delete-organization.ts'
import { listOrganizations } from '../../services/organizations/list-organizations.ts'
import { loadOrganization } from '../../services/organizations/organization-view.ts'
import { updateOrganization } from '../../services/organizations/update-organization.ts'
import * as routes from './organizations.routes.ts'

// Organizations are shared by every member of the workspace (F6.2): no permission beyond membership.
export const organizationRoutes = (deps: Deps) =>
  createRouter()
    .openapi(routes.listOrganizations, async (c) => {
      const member = requireMember(c)
      const page = await memberTx(deps, member, (tx) =>
        listOrganizations(tx, member.tenantId, c.req.valid('query')),
      )
      return c.json(page, 200)
    })
    .openapi(routes.createOrganization, async (c) => {
      const member = requireMember(c)
      const actor = { ...member, requestId: c.get('requestId') }
      const org = await memberTx(deps, member, (tx) => createOrganization(tx, actor, c.req.valid('json')))
      return c.json(org, 201)
    })
    .openapi(routes.getOrganization, async (c) => {
      const member = requireMember(c)
      const { id } = c.req.valid('param')
      const org = await memberTx(deps, member, (tx) => loadOrganization(tx, member.tenantId, id))
      if (!org) throw notFound('Organization')
      return c.json(org, 200)
    })
    .openapi(routes.updateOrganization, async (c) => {
      const member = requireMember(c)
      const actor = { ...member, requestId: c.get('requestId') }
      const { id } = c.req.valid('param')
      const org = await memberTx(deps, member, (tx) => updateOrganization(tx, actor, id, c.req.valid('json')))
      return c.json(org, 200)
    })
    .openapi(routes.deleteOrganization, async (c) => {
      const member = requireMember(c)
      const actor = { ...member, requestId: c.get('requestId') }
      await memberTx(deps, member, (tx) => deleteOrganization(tx, actor, c.req.valid('param').id))
      return c.body(null, 204)
    })
