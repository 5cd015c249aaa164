import { type Db, schema, withPlatform } from '@aura/db'
import { and, desc, eq } from 'drizzle-orm'
import { afterCursor, iso, toPage } from '../../lib/paging.ts'

export type TenantStatus = (typeof schema.tenantStatus.enumValues)[number]

export interface ListTenantsInput {
  limit: number
  cursor?: string | undefined
  status?: TenantStatus | undefined
}

/** Every workspace with its lifecycle timestamps (F1.10), newest first. */
export async function listTenants(db: Db, input: ListTenantsInput) {
  const { tenants } = schema
  const rows = await withPlatform(db, 'platform-console', (tx) =>
    tx
      .select()
      .from(tenants)
      .where(
        and(
          input.status ? eq(tenants.status, input.status) : undefined,
          afterCursor(tenants, tenants, input.cursor),
        ),
      )
      .orderBy(desc(tenants.createdAt), desc(tenants.id))
      .limit(input.limit + 1),
  )
  return toPage(rows.map(toTenant), input.limit)
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
