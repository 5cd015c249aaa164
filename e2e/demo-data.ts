// A journey's own records in the shared demo workspace, and their removal after it (ADR 0152). Every name a
// journey writes carries its stamp (`demoData.name('J2 deal')` → `J2 deal lq3x9k2a`); after the test the
// fixture signs in as the demo admin over the API and removes every record whose name holds the stamp:
// activities, deals, contacts and organizations are deleted, processes archived and products deactivated (how the
// product retires those two; neither has a delete without step-up). The demo workspace is left as seeded.
import type { APIRequestContext, APIResponse, PlaywrightWorkerArgs } from '@playwright/test'

export const DEMO_ADMIN = { email: 'admin@demo.aura.test', password: 'demo-password-123' }

export const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

export interface DemoData {
  /** This test's stamp: any record whose name holds it is removed after the test. */
  readonly stamp: string
  /** `${prefix} ${stamp}`: a name unique to this test, removed with its record after it. */
  name(prefix: string): string
}

/** A record as the list endpoints answer it: what is needed to find ours and remove it. */
interface Listed {
  id: string
  name?: string
  firstName?: string
  lastName?: string
  email?: string | null
  sku?: string
  subject?: string | null
  isActive?: boolean
  archived?: boolean
  archivedAt?: string | null
  isDefault?: boolean
}

const holds = (r: Listed, s: string) =>
  [r.name, r.firstName, r.lastName, r.email, r.sku, r.subject].some(
    (v) => typeof v === 'string' && v.includes(s),
  )

async function ok(res: APIResponse, what: string) {
  if (!res.ok()) throw new Error(`demo data cleanup: ${what} answered ${res.status()}: ${await res.text()}`)
  return res
}

async function list(api: APIRequestContext, path: string): Promise<Listed[]> {
  const res = await ok(await api.get(path), `GET ${path}`)
  return ((await res.json()) as { data: Listed[] }).data
}

/**
 * Removes every demo record whose name holds `s`; returns how many it removed. Node does not resolve
 * `demo.localhost` as Chromium does, so the requests go to the server's own address with the workspace's
 * Host header (the session cookie is kept per context either way).
 */
export async function removeDemoRecords(
  playwright: PlaywrightWorkerArgs['playwright'],
  baseURL: string | undefined,
  s: string,
): Promise<number> {
  const root = new URL(baseURL ?? 'http://localhost:3100')
  const api = await playwright.request.newContext({
    baseURL: root.origin,
    extraHTTPHeaders: { host: `demo.${root.host}` },
  })
  let removed = 0
  try {
    await ok(await api.post('/api/v1/auth/login', { data: DEMO_ADMIN }), 'login')
    const q = encodeURIComponent(s)
    // Activities (newest first: this test's are on the first page), then deals, then what deals name.
    for (const a of (await list(api, '/api/v1/activities?limit=100')).filter((r) => holds(r, s))) {
      await ok(await api.delete(`/api/v1/activities/${a.id}`), `DELETE activities/${a.id}`)
      removed++
    }
    for (const kind of ['deals', 'contacts', 'organizations'] as const) {
      for (const r of (await list(api, `/api/v1/${kind}?q=${q}&limit=100`)).filter((r) => holds(r, s))) {
        await ok(await api.delete(`/api/v1/${kind}/${r.id}`), `DELETE ${kind}/${r.id}`)
        removed++
      }
    }
    for (const p of (await list(api, `/api/v1/products?q=${q}&limit=100`)).filter((r) => holds(r, s))) {
      if (p.isActive === false) continue
      await ok(await api.patch(`/api/v1/products/${p.id}`, { data: { isActive: false } }), 'deactivate')
      removed++
    }
    for (const p of (await list(api, '/api/v1/processes?includeArchived=true')).filter((r) => holds(r, s))) {
      if (p.archived || p.archivedAt || p.isDefault) continue
      await ok(await api.patch(`/api/v1/processes/${p.id}`, { data: { archived: true } }), 'archive')
      removed++
    }
  } finally {
    await api.dispose()
  }
  return removed
}
