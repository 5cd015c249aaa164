import { siteHost } from '@aura/api/lib/site-host'

export type WebSite = ReturnType<typeof siteHost>

/** Which site a request is for (the same rule the API applies). */
export function siteFor(request: Request, rootDomain: string): WebSite {
  return siteHost(new URL(request.url).hostname, rootDomain)
}

/** The public site's origin as seen from this request, e.g. `http://localhost:3000` from a workspace. */
export function rootOrigin(request: Request, rootDomain: string): string {
  const url = new URL(request.url)
  return `${url.protocol}//${rootDomain}${url.port ? `:${url.port}` : ''}`
}
