// Pages of the public site (signup, account, platform console, outbox) exist only on the bare root
// domain; on a workspace host they are a plain 404, like any unknown path.
import type { AppLoadContext } from '@remix-run/node'
import { errorPage } from './errors.server.ts'
import { siteFor } from './site.server.ts'

export function requireRootSite(request: Request, context: AppLoadContext): void {
  if (siteFor(request, context.rootDomain).kind !== 'root') throw errorPage(404)
}

export function requireTenantSite(request: Request, context: AppLoadContext): string {
  const site = siteFor(request, context.rootDomain)
  if (site.kind !== 'tenant') throw errorPage(404)
  return site.slug
}

/** A workspace's origin as seen from this request, e.g. `http://acme.localhost:3000`. */
export function workspaceOrigin(request: Request, rootDomain: string, slug: string): string {
  const url = new URL(request.url)
  return `${url.protocol}//${slug}.${rootDomain}${url.port ? `:${url.port}` : ''}`
}

/** Where a signed-in user belongs on this host once they are in. */
export function homeFor(
  kind: 'root' | 'tenant' | 'unknown',
  me: { isPlatformAdmin: boolean },
): '/dashboard' | '/platform' | '/account' {
  if (kind === 'tenant') return '/dashboard'
  return me.isPlatformAdmin ? '/platform' : '/account'
}
