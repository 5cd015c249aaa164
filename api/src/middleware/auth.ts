// Who is calling: a bearer API token or the lucia session cookie. This middleware identifies; the
// require* guards below decide. A credential issued for another host is refused outright (NFR-S4).
// On a workspace host a GET may start from this instance's cached facts; the database then confirms them
// within the request (ADR 0110: the tenant transaction's binding statement, or settleIdentity after the
// handler), so revocation, deactivation and suspension apply to the very next request.
import type { CredentialFacts, HostTenant, withTenant } from '@aura/db'
import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import type { AppEnv, Auth, Deps } from '../context.ts'
import type { Actor, TxBinding } from '../lib/actor.ts'
import type { IdentityProof } from '../lib/identity-proof.ts'
import { can, type Permission } from '../lib/permissions.ts'
import { AppError } from '../lib/problem.ts'
import { recordSecurityEvent } from '../services/audit/record-security-event.ts'
import { callerTx } from '../services/auth/caller-tx.ts'
import { identityHints } from '../services/auth/identity-cache.ts'
import type { AuraLucia } from '../services/auth/lucia.ts'
import { presentedCredential } from '../services/auth/presented-credential.ts'
import { forgetTenant } from '../services/tenants/resolve-tenant.ts'
import { type Replay, settleIdentity } from './settle-identity.ts'

export const authenticate = (deps: Deps, lucia: AuraLucia, replay: Replay) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const site = c.get('site')
    const host = site.kind === 'tenant' ? { tenantId: site.tenant.id, slug: site.tenant.slug } : null
    const auth = await identify(c, deps, lucia, host)
    if (auth && auth.tenantId !== (host?.tenantId ?? null)) {
      await auditCrossTenant(c, deps, auth, host?.tenantId ?? null)
      throw new AppError('forbidden', 'This credential belongs to another workspace')
    }
    c.set('auth', auth)
    await next()
    if (auth?.proof) await settleIdentity(c, deps, lucia, auth, auth.proof, replay)
  })

const INVALID_TOKEN = 'The API token is invalid, expired or revoked'

async function identify(
  c: Context<AppEnv>,
  deps: Deps,
  lucia: AuraLucia,
  host: HostTenant | null,
): Promise<Auth | null> {
  const presented = await presentedCredential(
    c.req.header('authorization'),
    getCookie(c, lucia.sessionCookieName),
  )
  if (!presented) return null
  if (!presented.credential) throw new AppError('unauthorized', INVALID_TOKEN)
  const { credential, sessionId } = presented
  const hints = identityHints(deps.db)
  // Only a safe method on a workspace host may start from memory: it changes nothing before the database
  // has confirmed the credential. Anything else reads the credential first (one statement).
  const method = c.req.method
  const mayStartFromMemory =
    host !== null && (method === 'GET' || method === 'HEAD') && c.env?.aura?.freshIdentity !== true
  const remembered = mayStartFromMemory ? hints.peek(credential) : null
  const source = remembered && remembered.tenantId === host?.tenantId ? 'hint' : 'fresh'
  const facts = source === 'hint' ? remembered : await hints.load(deps.db, credential)
  if (!facts) {
    if (credential.kind === 'token') throw new AppError('unauthorized', INVALID_TOKEN)
    c.header('Set-Cookie', lucia.createBlankSessionCookie().serialize(), { append: true })
    return null
  }
  if (source === 'fresh' && host && facts.tenantId === host.tenantId && facts.tenantStatus !== 'active') {
    // Suspended since this instance last looked the host up.
    forgetTenant(deps.db, host.tenantId)
    throw new AppError(
      'tenant_suspended',
      'This workspace is suspended. Its data is kept; contact Aura support.',
    )
  }
  const proof: IdentityProof = {
    credential,
    host: host && facts.tenantId === host.tenantId ? host : null,
    source,
    confirmed: source === 'fresh' ? confirmedFacts(facts) : null,
    stepUpDeferred: false,
    used: false,
    refused: false,
  }
  // The session's host decides its scope: a root-domain session of a member is not a workspace session.
  return {
    userId: facts.userId,
    tenantId: facts.tenantId,
    role: facts.tenantId ? facts.role : null,
    isPlatformAdmin: facts.isPlatformAdmin && facts.tenantId === null,
    via: credential.kind,
    sessionId,
    elevatedUntil: credential.kind === 'session' ? facts.elevatedUntil : null,
    proof,
  }
}

export const confirmedFacts = (f: CredentialFacts) => ({
  role: f.role,
  expiresAt: f.expiresAt,
  elevatedUntil: f.elevatedUntil,
  lastUsedAt: f.lastUsedAt,
})

async function auditCrossTenant(c: Context<AppEnv>, deps: Deps, auth: Auth, hostTenant: string | null) {
  c.get('log').warn('cross-tenant credential refused', { via: auth.via })
  await recordSecurityEvent(deps.db, {
    action: 'security.cross_tenant_attempt',
    tenantId: hostTenant,
    actorUserId: auth.userId,
    details: { credential: auth.via, fromTenantId: auth.tenantId },
    requestId: c.get('requestId'),
  })
}

export function hostTenantId(c: Context<AppEnv>): string {
  const site = c.get('site')
  if (site.kind !== 'tenant')
    throw new AppError('not_found', 'This endpoint exists on workspace addresses only')
  return site.tenant.id
}

/** The signed-in caller, or 401. Handlers reach the identity only through this and the guards below. */
export function currentAuth(c: Context<AppEnv>): Auth {
  const auth = c.get('auth')
  if (!auth) throw new AppError('unauthorized', 'Sign in to continue')
  if (auth.proof) auth.proof.used = true
  return auth
}

/**
 * A workspace member on their workspace's host, with a permission from the F4.1 table: the request's Actor,
 * carrying beside it what memberTx needs to bind the transaction (the credential, a keyed create's tx).
 */
export function requireMember(c: Context<AppEnv>, permission?: Permission): Actor & TxBinding {
  const tenantId = hostTenantId(c)
  const auth = currentAuth(c)
  if (auth.tenantId !== tenantId || !auth.role)
    throw new AppError('forbidden', 'You are not a member of this workspace')
  if (permission && !can(auth.role, permission)) {
    throw new AppError('forbidden', `Your role (${auth.role}) may not do this`)
  }
  // A keyed create's transaction travels with the actor to memberTx (ADR 0130).
  const sharedTx = c.get('sharedTx')
  return {
    tenantId,
    userId: auth.userId,
    role: auth.role,
    requestId: c.get('requestId'),
    origin: new URL(c.req.url).origin,
    proof: auth.proof,
    ...(sharedTx ? { sharedTx } : {}),
  }
}

/** A platform admin signed in on the root domain. */
export function requirePlatformAdmin(c: Context<AppEnv>): Auth {
  if (c.get('site').kind !== 'root') throw new AppError('not_found', 'No such endpoint')
  const auth = currentAuth(c)
  if (!auth.isPlatformAdmin) throw new AppError('forbidden', 'Platform administrators only')
  return auth
}

/**
 * Runs fn bound to the caller's tenant, user and role: the one way handlers reach tenant data. A member
 * from requireMember carries the request's credential, which the binding statement checks again. During a
 * keyed create it carries the transaction the idempotency middleware opened (already bound and checked):
 * fn runs in it, so the create and its key commit together.
 */
export function memberTx<T>(deps: Deps, actor: Actor & TxBinding, fn: Parameters<typeof withTenant<T>>[2]) {
  const shared = actor.sharedTx
  if (shared && shared.tenantId === actor.tenantId && shared.userId === actor.userId) {
    shared.joined++
    return fn(shared.tx)
  }
  return callerTx(deps.db, actor, fn)
}
