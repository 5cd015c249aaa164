import { type Db, schema, withPlatform } from '@aura/db'
import { and, eq } from 'drizzle-orm'
import { iso } from '../../lib/dates.ts'
import { newestFirst, toPage } from '../../lib/pagination.ts'

export type TenantStatus = (typeof schema.tenantStatus.enumValues)[number]

export interface ListTenantsInput {
  limit: number
  cursor?: string | undefined
  status?: TenantStatus | undefined
}

/** Every workspace with its lifecycle timestamps (F1.10), newest first. */
export async function listTenants(db: Db, input: ListTenantsInput) {
  const { tenants } = schema
  const order = newestFirst(tenants.createdAt, tenants.id, input.cursor)
  const rows = await withPlatform(db, 'platform-console', (tx) =>
    tx
      .select({ tenant: tenants, key: order.key })
      .from(tenants)
      .where(and(input.status ? eq(tenants.status, input.status) : undefined, order.after))
      .orderBy(...order.orderBy)
      .limit(input.limit + 1),
  )
  const page = toPage(rows, input.limit, (r) => [r.key, r.tenant.id])
  return { data: page.data.map((r) => toTenant(r.tenant)), nextCursor: page.nextCursor }
}

export function toTenant(t: typeof schema.tenants.$inferSelect) {
  return {
    id: t.id,
    slug: t.slug,
    companyName: t.companyName,
    status: t.status,
    retentionDays: t.retentionDays,
    createdAt: t.createdAt.toISOString(),
    activatedAt: iso(t.activatedAt),
    suspendedAt: iso(t.suspendedAt),
    deletedAt: iso(t.deletedAt),
    purgeAfter: iso(t.purgeAfter),
  }
}
