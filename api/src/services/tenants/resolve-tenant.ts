// Tenant by host, from memory (ADR 0110). Every API request needs its workspace before anything else, and
// slugs and statuses change rarely: an entry lives TENANT_TTL_MS, so another instance's suspension or
// deletion reaches this one within that time, and this instance forgets a tenant at once when it changes
// it itself (forgetTenant, called by the platform console's services). Requests with a credential do not
// wait even that long: the credential check in the database refuses a tenant that is no longer active.
import { type Db, schema, withPlatform } from '@aura/db'
import { eq } from 'drizzle-orm'
import type { TenantRef } from '../../context.ts'

export const TENANT_TTL_MS = 30_000
export const TENANT_CACHE_MAX = 10_000

interface Entry {
  tenant: TenantRef
  storedAt: number
}

export class TenantCache {
  private readonly entries = new Map<string, Entry>()
  private readonly loading = new Map<string, Promise<TenantRef | null>>()

  constructor(private readonly now: () => number = Date.now) {}

  /** The tenant at this slug; unknown slugs are not remembered (a new workspace appears at once). */
  resolve(db: Db, slug: string): Promise<TenantRef | null> {
    const entry = this.entries.get(slug)
    if (entry && this.now() - entry.storedAt <= TENANT_TTL_MS) return Promise.resolve(entry.tenant)
    const pending = this.loading.get(slug)
    if (pending) return pending
    const read = readTenant(db, slug)
      .then((tenant) => {
        this.entries.delete(slug)
        if (tenant) this.store(tenant)
        return tenant
      })
      .finally(() => this.loading.delete(slug))
    this.loading.set(slug, read)
    return read
  }

  forget(tenantId: string): void {
    for (const [slug, entry] of this.entries) if (entry.tenant.id === tenantId) this.entries.delete(slug)
  }

  private store(tenant: TenantRef): void {
    if (this.entries.size >= TENANT_CACHE_MAX) {
      const oldest = this.entries.keys().next().value
      if (oldest !== undefined) this.entries.delete(oldest)
    }
    this.entries.set(tenant.slug, { tenant, storedAt: this.now() })
  }
}

// One cache per database handle (per Node process, per Worker isolate, per test database).
const caches = new WeakMap<Db, TenantCache>()

function cacheFor(db: Db): TenantCache {
  let cache = caches.get(db)
  if (!cache) {
    cache = new TenantCache()
    caches.set(db, cache)
  }
  return cache
}

/** Looks a workspace up by its slug, from this instance's memory when it is fresh enough. */
export function resolveTenant(db: Db, slug: string): Promise<TenantRef | null> {
  return cacheFor(db).resolve(db, slug)
}

/** Call after changing a tenant's status or slug, so this instance stops serving its old state. */
export function forgetTenant(db: Db, tenantId: string): void {
  cacheFor(db).forget(tenantId)
}

/** Crosses tenants by nature, so it takes the privileged path. */
async function readTenant(db: Db, slug: string): Promise<TenantRef | null> {
  const { tenants } = schema
  const rows = await withPlatform(db, 'resolve-tenant', (tx) =>
    tx
      .select({ id: tenants.id, slug: tenants.slug, status: tenants.status })
      .from(tenants)
      .where(eq(tenants.slug, slug))
      .limit(1),
  )
  return (rows[0] as TenantRef | undefined) ?? null
}
