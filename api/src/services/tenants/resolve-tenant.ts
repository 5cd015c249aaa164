import { type Db, schema, withPlatform } from '@aura/db'
import { eq } from 'drizzle-orm'
import type { TenantRef } from '../../context.ts'

/** Looks a workspace up by its slug. Crosses tenants by nature, so it takes the privileged path. */
export async function resolveTenant(db: Db, slug: string): Promise<TenantRef | null> {
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
