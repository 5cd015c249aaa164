import { createMiddleware } from 'hono/factory'
import type { AppEnv, Deps, Site } from '../context.ts'
import { AppError } from '../lib/problem.ts'
import { siteHost } from '../lib/site-host.ts'
import { resolveTenant } from '../services/tenants/resolve-tenant.ts'

export const site = (deps: Deps) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const found = siteHost(new URL(c.req.url).hostname, deps.config.ROOT_DOMAIN)
    if (found.kind === 'unknown') throw new AppError('not_found', 'Unknown host')
    let resolved: Site = { kind: 'root' }
    if (found.kind === 'tenant') {
      const tenant = await resolveTenant(deps.db, found.slug)
      // Only active and suspended workspaces exist to the outside; the rest are indistinguishable from none.
      if (!tenant || (tenant.status !== 'active' && tenant.status !== 'suspended')) {
        throw new AppError('not_found', 'No workspace at this address')
      }
      if (tenant.status === 'suspended') {
        throw new AppError(
          'tenant_suspended',
          'This workspace is suspended. Its data is kept; contact Aura support.',
        )
      }
      resolved = { kind: 'tenant', tenant }
    }
    c.set('site', resolved)
    c.set('log', c.get('log').child({ tenant: resolved.kind === 'tenant' ? resolved.tenant.slug : 'root' }))
    await next()
  })
