import { schema, type Tx } from '@aura/db'
import { iso } from '../../lib/dates.ts'
import { notFound } from '../../lib/problem.ts'

/** The bound tenant's own row: RLS lets a tenant transaction see exactly one. */
export async function getWorkspace(tx: Tx) {
  const [tenant] = await tx.select().from(schema.tenants).limit(1)
  if (!tenant) throw notFound('Workspace')
  return toWorkspace(tenant)
}

export function toWorkspace(t: typeof schema.tenants.$inferSelect) {
  return {
    id: t.id,
    slug: t.slug,
    companyName: t.companyName,
    logoUrl: t.logoUrl,
    industry: t.industry,
    timezone: t.timezone,
    currency: t.currency,
    retentionDays: t.retentionDays,
    status: t.status,
    activatedAt: iso(t.activatedAt),
  }
}
