import type { Deps } from '../../context.ts'
import { iso } from '../../lib/dates.ts'
import { AppError } from '../../lib/problem.ts'
import { createRouter } from '../../lib/router.ts'
import { currentAuth, memberTx, requireMember } from '../../middleware/auth.ts'
import { createApiToken, listApiTokens, revokeApiToken } from '../../services/tokens/api-tokens.ts'
import * as routes from './tokens.routes.ts'

const present = <T extends { createdAt: Date; lastUsedAt: Date | null; expiresAt: Date | null }>(t: T) => ({
  ...t,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: iso(t.lastUsedAt),
  expiresAt: iso(t.expiresAt),
})

export const tokenRoutes = (deps: Deps) =>
  createRouter()
    .openapi(routes.listTokens, async (c) => {
      const actor = requireMember(c)
      const rows = await memberTx(deps, actor, (tx) => listApiTokens(tx, actor))
      return c.json({ data: rows.map(present) }, 200)
    })
    .openapi(routes.createToken, async (c) => {
      const actor = requireMember(c)
      // A leaked token must not be able to outlive its own revocation by minting more.
      if (currentAuth(c).via !== 'session')
        throw new AppError('forbidden', 'Create API tokens from a signed-in session')
      const input = c.req.valid('json')
      const created = await memberTx(deps, actor, (tx) => createApiToken(tx, { actor, input }))
      return c.json(present(created), 201)
    })
    .openapi(routes.revokeToken, async (c) => {
      const actor = requireMember(c)
      const { id } = c.req.valid('param')
      await memberTx(deps, actor, (tx) => revokeApiToken(tx, { actor, id }))
      return c.body(null, 204)
    })
