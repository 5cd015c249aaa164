import { type Db, schema, withPlatform } from '@aura/db'
import { eq } from 'drizzle-orm'
import type { Auth } from '../../context.ts'
import { AppError } from '../../lib/problem.ts'

/** The caller's own record and where their account stands. */
export async function loadMe(db: Db, auth: Auth) {
  const { users, tenants } = schema
  const [row] = await withPlatform(db, 'authenticate', (tx) =>
    tx
      .select({
        user: users,
        tenant: { id: tenants.id, slug: tenants.slug, companyName: tenants.companyName },
      })
      .from(users)
      .leftJoin(tenants, eq(tenants.id, users.tenantId))
      .where(eq(users.id, auth.userId))
      .limit(1),
  )
  if (!row) throw new AppError('unauthorized', 'Sign in to continue')
  const { user, tenant } = row
  const accountStatus = user.isPlatformAdmin
    ? 'platform_admin'
    : tenant
      ? 'member'
      : user.contractStatus === 'signed'
        ? 'awaiting_activation'
        : 'awaiting_contract'
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: auth.role,
    isPlatformAdmin: auth.isPlatformAdmin,
    emailVerified: user.emailVerifiedAt !== null,
    tenant: tenant?.id ? tenant : null,
    accountStatus,
  } as const
}
