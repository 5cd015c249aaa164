import { withPlatform, withTenant } from '@aura/db'
import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import type { AppEnv, Deps } from '../../context.ts'
import { AppError } from '../../lib/problem.ts'
import { createRouter } from '../../lib/router.ts'
import { currentAuth } from '../../middleware/auth.ts'
import { recordAudit, recordPlatformAudit } from '../../services/audit/record-audit.ts'
import { verifyCredentials } from '../../services/auth/credentials.ts'
import { clearAfterLogin, loginWait, recordLoginFailure } from '../../services/auth/login-backoff.ts'
import type { AuraLucia } from '../../services/auth/lucia.ts'
import { loadMe } from '../../services/auth/me.ts'
import { signUp } from '../../services/auth/signup.ts'
import { verifyEmail } from '../../services/auth/verify-email.ts'
import * as routes from './auth.routes.ts'

const origin = (c: Context) => new URL(c.req.url).origin
const siteTenant = (c: Context<AppEnv>) => {
  const site = c.get('site')
  return site.kind === 'tenant' ? site.tenant.id : null
}

export const authRoutes = (deps: Deps, lucia: AuraLucia) =>
  createRouter()
    .openapi(routes.signup, async (c) => {
      if (c.get('site').kind !== 'root') throw new AppError('not_found', 'Sign up on the main site')
      await signUp(deps.db, { input: c.req.valid('json'), origin: origin(c), requestId: c.get('requestId') })
      return c.json({ message: 'Check your inbox for a link to confirm your email.' }, 202)
    })
    .openapi(routes.login, async (c) => {
      const { email, password } = c.req.valid('json')
      const tenantId = siteTenant(c)
      const now = new Date()
      // Per account, on top of the per-IP limit: refused while waiting, the password not even checked.
      const backoff = await loginWait(deps.db, email, now)
      if (backoff.waitMs > 0) {
        throw new AppError('rate_limited', 'Too many failed logins for this account; try again shortly', {
          headers: { 'Retry-After': String(Math.ceil(backoff.waitMs / 1000)) },
        })
      }
      const { user, knownUserId } = await verifyCredentials(deps.db, { email, password, tenantId })
      if (!user) {
        await recordLoginFailure(deps.db, { email, now, free: deps.config.LOGIN_BACKOFF_AFTER_FAILURES })
        await auditLoginFailure(deps, c, tenantId, knownUserId)
        throw new AppError('unauthorized', 'Invalid email or password')
      }
      if (backoff.hasFailures) await clearAfterLogin(deps.db, email)
      const session = await lucia.createSession(user.id, { tenantId, elevatedUntil: null })
      c.header('Set-Cookie', lucia.createSessionCookie(session.id).serialize(), { append: true })
      const auth = {
        userId: user.id,
        tenantId,
        role: tenantId ? user.role : null,
        isPlatformAdmin: user.isPlatformAdmin && tenantId === null,
        via: 'session' as const,
        sessionId: session.id,
        elevatedUntil: null,
      }
      return c.json(await loadMe(deps.db, auth), 200)
    })
    .openapi(routes.logout, async (c) => {
      const sessionId = getCookie(c, lucia.sessionCookieName)
      if (sessionId) await lucia.invalidateSession(sessionId)
      c.header('Set-Cookie', lucia.createBlankSessionCookie().serialize(), { append: true })
      return c.body(null, 204)
    })
    .openapi(routes.verifyEmail, async (c) => {
      await verifyEmail(deps.db, c.req.valid('json').token)
      return c.json({ message: 'Your email is confirmed.' }, 200)
    })
    .openapi(routes.me, async (c) => c.json(await loadMe(deps.db, currentAuth(c)), 200))

/**
 * F14.3: failed logins are audited on the tenant they targeted (or the platform), without the password or
 * the email. When the email is this tenant's member, the row names them as actor and entity (F14.2); the
 * response is the same either way (the caller answers one 401 for all).
 */
async function auditLoginFailure(
  deps: Deps,
  c: Context<AppEnv>,
  tenantId: string | null,
  userId: string | null,
) {
  const entry = { action: 'auth.login_failed', requestId: c.get('requestId') }
  if (tenantId) {
    await withTenant(deps.db, { tenantId }, (tx) =>
      recordAudit(tx, { ...entry, tenantId, actorUserId: userId, entityType: 'user', entityId: userId }),
    )
  } else {
    await withPlatform(deps.db, 'authenticate', (tx) =>
      recordPlatformAudit(tx, { ...entry, targetUserId: userId }),
    )
  }
}
