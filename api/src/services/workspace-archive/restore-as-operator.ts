// The platform operator's restore (`npm run workspace:restore`), for archives above the HTTP limit: the
// workspace is found by slug on the privileged path, then restored exactly as an admin's upload would be
// (one tenant transaction under RLS); the platform audit log records that it came from the command line.
import { type Db, schema, withPlatform } from '@aura/db'
import { eq } from 'drizzle-orm'
import { AppError } from '../../lib/problem.ts'
import { restoreWorkspaceArchive } from './restore-workspace-archive.ts'

export async function restoreAsOperator(db: Db, input: { slug: string; archive: unknown; source: string }) {
  const { tenants } = schema
  const [tenant] = await withPlatform(db, 'platform-console', (tx) =>
    tx.select({ id: tenants.id, status: tenants.status }).from(tenants).where(eq(tenants.slug, input.slug)),
  )
  if (!tenant) throw new AppError('not_found', `No workspace has the address ${input.slug}`)
  if (tenant.status !== 'active')
    throw new AppError('conflict', `Workspace ${input.slug} is ${tenant.status}; restore into an active one`)
  return restoreWorkspaceArchive(db, {
    tenantId: tenant.id,
    userId: null,
    archive: input.archive,
    via: { kind: 'cli', file: input.source },
  })
}
