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
      const actor = requireMember(c)
      const page = await memberTx(deps, actor, (tx) =>
        listOrganizations(tx, actor.tenantId, c.req.valid('query')),
      )
      return c.json(page, 200)
    })
    .openapi(routes.createOrganization, async (c) => {
      const actor = requireMember(c)
      const org = await memberTx(deps, actor, (tx) =>
        createOrganization(tx, { actor, input: c.req.valid('json') }),
      )
      return c.json(org, 201)
    })
    .openapi(routes.getOrganization, async (c) => {
      const actor = requireMember(c)
      const { id } = c.req.valid('param')
      const org = await memberTx(deps, actor, (tx) => loadOrganization(tx, actor.tenantId, id))
      if (!org) throw notFound('Organization')
      return c.json(org, 200)
    })
    .openapi(routes.updateOrganization, async (c) => {
      const actor = requireMember(c)
      const { id } = c.req.valid('param')
      const org = await memberTx(deps, actor, (tx) =>
        updateOrganization(tx, { actor, id, patch: c.req.valid('json') }),
      )
      return c.json(org, 200)
    })
    .openapi(routes.deleteOrganization, async (c) => {
      const actor = requireMember(c)
      await memberTx(deps, actor, (tx) => deleteOrganization(tx, { actor, id: c.req.valid('param').id }))
      return c.body(null, 204)
    })
