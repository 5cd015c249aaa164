// Who is calling: a bearer API token or the lucia session cookie. This middleware identifies; the
// require* guards below decide. A credential issued for another host is refused outright (NFR-S4).
import { type Role, withPlatform, withTenant } from '@aura/db'
import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import type { AppEnv, Auth, Deps } from '../context.ts'
import { can, type Permission } from '../lib/permissions.ts'
import { AppError } from '../lib/problem.ts'
import { recordAudit, recordPlatformAudit } from '../services/audit/record-audit.ts'
import { authenticateToken } from '../services/auth/authenticate-token.ts'
import type { AuraLucia } from '../services/auth/lucia.ts'

export const authenticate = (deps: Deps, lucia: AuraLucia) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const auth = await identify(c, deps, lucia)
    const siteTenantId = c.get('site').kind === 'tenant' ? hostTenantId(c) : null
    if (auth && auth.tenantId !== siteTenantId) {
      await auditCrossTenant(c, deps, auth, siteTenantId)
      throw new AppError('forbidden', 'This credential belongs to another workspace')
    }
    c.set('auth', auth)
    await next()
  })

async function identify(c: Context<AppEnv>, deps: Deps, lucia: AuraLucia): Promise<Auth | null> {
  const header = c.req.header('authorization')
  if (header) {
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1]
    const owner = token ? await authenticateToken(deps.db, token) : null
    if (!owner) throw new AppError('unauthorized', 'The API token is invalid, expired or revoked')
    return { ...owner, via: 'token', sessionId: null, elevatedUntil: null }
  }
  const sessionId = getCookie(c, lucia.sessionCookieName)
  if (!sessionId) return null
  const { session, user } = await lucia.validateSession(sessionId)
  if (!session || user.status !== 'active') {
    c.header('Set-Cookie', lucia.createBlankSessionCookie().serialize(), { append: true })
    return null
  }
  if (session.fresh)
    c.header('Set-Cookie', lucia.createSessionCookie(session.id).serialize(), { append: true })
  // The session's host decides its scope: a root-domain session of a member is not a workspace session.
  return {
    userId: user.id,
    tenantId: session.tenantId,
    role: session.tenantId ? user.role : null,
    isPlatformAdmin: user.isPlatformAdmin && session.tenantId === null,
    via: 'session',
    sessionId: session.id,
    elevatedUntil: session.elevatedUntil,
  }
}

async function auditCrossTenant(c: Context<AppEnv>, deps: Deps, auth: Auth, hostTenant: string | null) {
  const requestId = c.get('requestId')
  c.get('log').warn('cross-tenant credential refused', { via: auth.via })
  if (hostTenant) {
    await withTenant(deps.db, { tenantId: hostTenant }, (tx) =>
      recordAudit(tx, {
        tenantId: hostTenant,
        action: 'security.cross_tenant_attempt',
        actorUserId: auth.userId,
        entityType: 'user',
        after: { credential: auth.via, fromTenantId: auth.tenantId },
        requestId,
      }),
    )
  }
  await withPlatform(deps.db, 'authenticate', (tx) =>
    recordPlatformAudit(tx, {
      action: 'security.cross_tenant_attempt',
      actorUserId: auth.userId,
      targetTenantId: hostTenant,
      details: { credential: auth.via, fromTenantId: auth.tenantId },
      requestId,
    }),
  )
}

export function hostTenantId(c: Context<AppEnv>): string {
  const site = c.get('site')
  if (site.kind !== 'tenant')
    throw new AppError('not_found', 'This endpoint exists on workspace addresses only')
  return site.tenant.id
}

/** The signed-in caller, or 401. */
export function currentAuth(c: Context<AppEnv>): Auth {
  const auth = c.get('auth')
  if (!auth) throw new AppError('unauthorized', 'Sign in to continue')
  return auth
}

/** A workspace member on their workspace's host, with a permission from the F4.1 table. */
export function requireMember(
  c: Context<AppEnv>,
  permission?: Permission,
): Auth & { tenantId: string; role: Role } {
  const tenantId = hostTenantId(c)
  const auth = currentAuth(c)
  if (auth.tenantId !== tenantId || !auth.role)
    throw new AppError('forbidden', 'You are not a member of this workspace')
  if (permission && !can(auth.role, permission)) {
    throw new AppError('forbidden', `Your role (${auth.role}) may not do this`)
  }
  return { ...auth, tenantId, role: auth.role }
}

/** A platform admin signed in on the root domain. */
export function requirePlatformAdmin(c: Context<AppEnv>): Auth {
  if (c.get('site').kind !== 'root') throw new AppError('not_found', 'No such endpoint')
  const auth = currentAuth(c)
  if (!auth.isPlatformAdmin) throw new AppError('forbidden', 'Platform administrators only')
  return auth
}

/** Runs fn bound to the caller's tenant, user and role: the one way handlers reach tenant data. */
export function memberTx<T>(
  deps: Deps,
  member: { tenantId: string; userId: string; role: Role },
  fn: Parameters<typeof withTenant<T>>[2],
) {
  return withTenant(deps.db, { tenantId: member.tenantId, userId: member.userId, role: member.role }, fn)
}
