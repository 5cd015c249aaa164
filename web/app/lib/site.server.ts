// Which site a request is for. Mirrors the API's `siteSlug` (api/src/middleware/site.ts): the web
// cannot import that module without bundling the database into the server build.
export type WebSite = { kind: 'root' } | { kind: 'tenant'; slug: string } | { kind: 'unknown' }

export function siteFor(request: Request, rootDomain: string): WebSite {
  const host = new URL(request.url).hostname.toLowerCase()
  if (host === rootDomain) return { kind: 'root' }
  const suffix = `.${rootDomain}`
  if (!host.endsWith(suffix)) return { kind: 'unknown' }
  const slug = host.slice(0, -suffix.length)
  return slug.includes('.') ? { kind: 'unknown' } : { kind: 'tenant', slug }
}

/** The public site's origin as seen from this request, e.g. `http://localhost:3000` from a workspace. */
export function rootOrigin(request: Request, rootDomain: string): string {
  const url = new URL(request.url)
  return `${url.protocol}//${rootDomain}${url.port ? `:${url.port}` : ''}`
}
