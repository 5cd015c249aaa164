import { tenants } from '../schema/index.ts'
import { type Executor, first, uniq } from './executor.ts'

export type NewTenant = typeof tenants.$inferInsert
export type Tenant = typeof tenants.$inferSelect

/** An active tenant with a unique slug. Needs the platform path or the owner (crm_app cannot insert tenants). */
export async function createTenant(db: Executor, overrides: Partial<NewTenant> = {}): Promise<Tenant> {
  const slug = overrides.slug ?? `t-${uniq()}`
  return first(
    await db
      .insert(tenants)
      .values({
        slug,
        companyName: `Company ${slug}`,
        status: 'active',
        activatedAt: new Date(),
        ...overrides,
      })
      .returning(),
  )
}
