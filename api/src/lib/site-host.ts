// Which site a hostname is: the bare root domain is the platform, `<slug>.<root>` a tenant workspace,
// anything else unknown. No imports, so the web server can share it without bundling database code.
export type SiteHost = { kind: 'root' } | { kind: 'tenant'; slug: string } | { kind: 'unknown' }

export function siteHost(hostname: string, rootDomain: string): SiteHost {
  const host = hostname.toLowerCase()
  if (host === rootDomain) return { kind: 'root' }
  const suffix = `.${rootDomain}`
  if (!host.endsWith(suffix)) return { kind: 'unknown' }
  const slug = host.slice(0, -suffix.length)
  return slug.includes('.') ? { kind: 'unknown' } : { kind: 'tenant', slug }
}
