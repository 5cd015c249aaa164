import type { Deps } from '../../context.ts'
import { createRouter } from '../../lib/router.ts'
import { memberTx, requireMember } from '../../middleware/auth.ts'
import { bulkDeals } from '../../services/deals/bulk-deals.ts'
import * as routes from './deals-bulk.routes.ts'

export const dealsBulkRoutes = (deps: Deps) =>
  createRouter().openapi(routes.bulkDeals, async (c) => {
    const actor = requireMember(c)
    const input = c.req.valid('json')
    return c.json(await memberTx(deps, actor, (tx) => bulkDeals(tx, { actor, input })), 200)
  })
