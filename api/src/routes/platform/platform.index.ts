// The platform console's API: root domain, platform admins only (requirePlatformAdmin answers 404 on a
// workspace host, so these paths do not exist there).
import type { Deps } from '../../context.ts'
import { createRouter } from '../../lib/router.ts'
import { requirePlatformAdmin } from '../../middleware/auth.ts'
import { activateAccount } from '../../services/platform/activate-account.ts'
import { changeTenantStatus } from '../../services/platform/change-tenant-status.ts'
import { deleteTenant } from '../../services/platform/delete-tenant.ts'
import { listAccounts } from '../../services/platform/list-accounts.ts'
import { listTenants } from '../../services/platform/list-tenants.ts'
import { signContract } from '../../services/platform/sign-contract.ts'
import * as routes from './platform.routes.ts'

export const platformRoutes = (deps: Deps) =>
  createRouter()
    .openapi(routes.listAccounts, async (c) => {
      requirePlatformAdmin(c)
      return c.json(await listAccounts(deps.db, c.req.valid('query')), 200)
    })
    .openapi(routes.signContract, async (c) => {
      const admin = requirePlatformAdmin(c)
      const input = {
        accountId: c.req.valid('param').id,
        actorUserId: admin.userId,
        requestId: c.get('requestId'),
      }
      return c.json(await signContract(deps.db, input), 200)
    })
    .openapi(routes.activateAccount, async (c) => {
      const admin = requirePlatformAdmin(c)
      const tenant = await activateAccount(deps.db, {
        ...c.req.valid('json'),
        accountId: c.req.valid('param').id,
        actorUserId: admin.userId,
        requestId: c.get('requestId'),
      })
      return c.json(tenant, 201)
    })
    .openapi(routes.listTenants, async (c) => {
      requirePlatformAdmin(c)
      return c.json(await listTenants(deps.db, c.req.valid('query')), 200)
    })
    .openapi(routes.suspendTenant, async (c) => {
      const admin = requirePlatformAdmin(c)
      const input = {
        tenantId: c.req.valid('param').id,
        actorUserId: admin.userId,
        requestId: c.get('requestId'),
      }
      return c.json(await changeTenantStatus(deps.db, { ...input, to: 'suspended' }), 200)
    })
    .openapi(routes.resumeTenant, async (c) => {
      const admin = requirePlatformAdmin(c)
      const input = {
        tenantId: c.req.valid('param').id,
        actorUserId: admin.userId,
        requestId: c.get('requestId'),
      }
      return c.json(await changeTenantStatus(deps.db, { ...input, to: 'active' }), 200)
    })
    .openapi(routes.deleteTenant, async (c) => {
      // Not behind step-up: NFR-S8 names user, export, pricing and process operations; deleting a tenant
      // archives it until its retention period ends, and the console asks for the slug typed back.
      const admin = requirePlatformAdmin(c)
      return c.json(
        await deleteTenant(deps.db, {
          tenantId: c.req.valid('param').id,
          confirm: c.req.valid('json').confirm,
          actorUserId: admin.userId,
          requestId: c.get('requestId'),
        }),
        200,
      )
    })
