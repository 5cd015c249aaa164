// Password reset (F2.3) and step-up verification (NFR-S8).
import type { Context } from 'hono'
import type { AppEnv, Deps } from '../../context.ts'
import { createRouter } from '../../lib/router.ts'
import { currentAuth } from '../../middleware/auth.ts'
import type { AuraLucia } from '../../services/auth/lucia.ts'
import { loadMe } from '../../services/auth/me.ts'
import { confirmPasswordReset, requestPasswordReset } from '../../services/auth/password-reset.ts'
import { requestStepUp, verifyStepUp } from '../../services/auth/step-up.ts'
import * as routes from './recovery.routes.ts'

export const RESET_REQUESTED = 'If an account uses this email here, we sent a link to reset its password.'

const host = (c: Context<AppEnv>) => {
  const site = c.get('site')
  return {
    tenantId: site.kind === 'tenant' ? site.tenant.id : null,
    origin: new URL(c.req.url).origin,
    requestId: c.get('requestId'),
  }
}

export const recoveryRoutes = (deps: Deps, lucia: AuraLucia) =>
  createRouter()
    .openapi(routes.requestReset, async (c) => {
      await requestPasswordReset(deps.db, c.req.valid('json').email, host(c))
      return c.json({ message: RESET_REQUESTED }, 202)
    })
    .openapi(routes.confirmReset, async (c) => {
      const h = host(c)
      const { userId } = await confirmPasswordReset(deps.db, c.req.valid('json'), h)
      const session = await lucia.createSession(userId, { tenantId: h.tenantId, elevatedUntil: null })
      c.header('Set-Cookie', lucia.createSessionCookie(session.id).serialize(), { append: true })
      const { user } = await lucia.validateSession(session.id)
      const auth = {
        userId,
        tenantId: h.tenantId,
        role: h.tenantId ? (user?.role ?? null) : null,
        isPlatformAdmin: (user?.isPlatformAdmin ?? false) && h.tenantId === null,
        via: 'session' as const,
        sessionId: session.id,
        elevatedUntil: null,
      }
      return c.json(await loadMe(deps.db, auth), 200)
    })
    .openapi(routes.requestStepUp, async (c) => {
      await requestStepUp(deps.db, currentAuth(c))
      return c.json({ message: 'We emailed you a 6-digit code. It works for 10 minutes.' }, 202)
    })
    .openapi(routes.verifyStepUp, async (c) => {
      const until = await verifyStepUp(deps.db, currentAuth(c), c.req.valid('json').code, c.get('requestId'))
      return c.json({ elevatedUntil: until.toISOString() }, 200)
    })
