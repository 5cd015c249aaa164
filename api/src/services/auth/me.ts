import { type Db, schema, type Tx, withPlatform } from '@aura/db'
import { eq } from 'drizzle-orm'
import type { Auth } from '../../context.ts'
import { AppError } from '../../lib/problem.ts'
import { callerTx } from './caller-tx.ts'

const { users, tenants } = schema

const readMe = (tx: Tx, userId: string) =>
  tx
    .select({
      user: {
        id: users.id,
        email: users.email,
        name: users.name,
        isPlatformAdmin: users.isPlatformAdmin,
        emailVerifiedAt: users.emailVerifiedAt,
        contractStatus: users.contractStatus,
        timezone: users.timezone,
      },
      tenant: { id: tenants.id, slug: tenants.slug, companyName: tenants.companyName },
      workspaceTimezone: tenants.timezone,
    })
    .from(users)
    .leftJoin(tenants, eq(tenants.id, users.tenantId))
    .where(eq(users.id, userId))
    .limit(1)

/**
 * The caller's own record and where their account stands. A member on their workspace reads it in their
 * own tenant transaction, whose binding also checks the credential (ADR 0110); the root domain and
 * pre-tenant accounts take the privileged path.
 */
export async function loadMe(db: Db, auth: Auth) {
  const [row] =
    auth.tenantId && auth.role && auth.proof?.host
      ? await callerTx(
          db,
          { tenantId: auth.tenantId, userId: auth.userId, role: auth.role, proof: auth.proof },
          (tx) => readMe(tx, auth.userId),
        )
      : await withPlatform(db, 'authenticate', (tx) => readMe(tx, auth.userId))
  if (!row) throw new AppError('unauthorized', 'Sign in to continue')
  const { user, tenant, workspaceTimezone } = row
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
    timezone: user.timezone,
    effectiveTimezone: user.timezone ?? workspaceTimezone ?? 'UTC',
  } as const
}
