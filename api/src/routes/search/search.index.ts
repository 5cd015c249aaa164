import type { Deps } from '../../context.ts'
import { createRouter } from '../../lib/router.ts'
import { memberTx, requireMember } from '../../middleware/auth.ts'
import { searchRecords } from '../../services/search/search-records.ts'
import * as routes from './search.routes.ts'

export const searchRoutes = (deps: Deps) =>
  createRouter().openapi(routes.search, async (c) => {
    const actor = requireMember(c)
    const query = c.req.valid('query')
    return c.json(await memberTx(deps, actor, (tx) => searchRecords(tx, { actor, query })), 200)
  })
