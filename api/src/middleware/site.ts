import { createMiddleware } from 'hono/factory'
import type { AppEnv, Deps, Site } from '../context.ts'
import { AppError } from '../lib/problem.ts'
import { resolveTenant } from '../services/tenants/resolve-tenant.ts'

/**
 * Which site a request is for, from the URL's hostname (runtimes rewrite the Host header into the URL):
 * the bare root domain is the platform, `<slug>.<root>` a tenant workspace, anything else is unknown.
 */
export function siteSlug(
  hostname: string,
  rootDomain: string,
): { kind: 'root' } | { kind: 'tenant'; slug: string } | null {
  const host = hostname.toLowerCase()
  if (host === rootDomain) return { kind: 'root' }
  const suffix = `.${rootDomain}`
  if (!host.endsWith(suffix)) return null
  const slug = host.slice(0, -suffix.length)
  return slug.includes('.') ? null : { kind: 'tenant', slug }
}

export const site = (deps: Deps) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const found = siteSlug(new URL(c.req.url).hostname, deps.config.ROOT_DOMAIN)
    if (!found) throw new AppError('not_found', 'Unknown host')
    let resolved: Site = { kind: 'root' }
    if (found.kind === 'tenant') {
      const tenant = await resolveTenant(deps.db, found.slug)
      // Only active and suspended workspaces exist to the outside; the rest are indistinguishable from none.
      if (!tenant || (tenant.status !== 'active' && tenant.status !== 'suspended')) {
        throw new AppError('not_found', 'No workspace at this address')
      }
      resolved = { kind: 'tenant', tenant }
    }
    c.set('site', resolved)
    c.set('log', c.get('log').child({ tenant: resolved.kind === 'tenant' ? resolved.tenant.slug : 'root' }))
    await next()
  })
