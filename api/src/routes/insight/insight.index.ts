import type { Deps } from '../../context.ts'
import { createRouter } from '../../lib/router.ts'
import { memberTx, requireMember } from '../../middleware/auth.ts'
import { getInsight } from '../../services/insight/insight.ts'
import * as routes from './insight.routes.ts'

/** Every member reads insight: leads the team's, a rep their own (ADR 0170). */
export const insightRoutes = (deps: Deps) =>
  createRouter().openapi(routes.getInsight, async (c) => {
    const actor = requireMember(c, 'processes.read')
    const query = c.req.valid('query')
    return c.json(await memberTx(deps, actor, (tx) => getInsight(tx, actor, query)), 200)
  })
