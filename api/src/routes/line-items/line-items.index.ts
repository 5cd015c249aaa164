import type { Deps } from '../../context.ts'
import { createRouter } from '../../lib/router.ts'
import { memberTx, requireMember } from '../../middleware/auth.ts'
import { addLineItem } from '../../services/line-items/add-line-item.ts'
import { listLineItems } from '../../services/line-items/list-line-items.ts'
import { removeLineItem } from '../../services/line-items/remove-line-item.ts'
import { updateLineItem } from '../../services/line-items/update-line-item.ts'
import * as routes from './line-items.routes.ts'

// Any member may price a deal they can see: RLS decides which deals (a colleague's is a 404 for a rep).
export const lineItemsRoutes = (deps: Deps) =>
  createRouter()
    .openapi(routes.listLineItems, async (c) => {
      const actor = requireMember(c)
      const { id } = c.req.valid('param')
      const query = c.req.valid('query')
      return c.json(
        await memberTx(deps, actor, (tx) => listLineItems(tx, { actor, dealId: id, input: query })),
        200,
      )
    })
    .openapi(routes.addLineItem, async (c) => {
      const actor = requireMember(c)
      const { id } = c.req.valid('param')
      const input = c.req.valid('json')
      return c.json(await memberTx(deps, actor, (tx) => addLineItem(tx, { actor, dealId: id, input })), 201)
    })
    .openapi(routes.updateLineItem, async (c) => {
      const actor = requireMember(c)
      const { id, lineId } = c.req.valid('param')
      const input = c.req.valid('json')
      return c.json(
        await memberTx(deps, actor, (tx) => updateLineItem(tx, { actor, dealId: id, lineId, input })),
        200,
      )
    })
    .openapi(routes.removeLineItem, async (c) => {
      const actor = requireMember(c)
      const { id, lineId } = c.req.valid('param')
      return c.json(
        await memberTx(deps, actor, (tx) => removeLineItem(tx, { actor, dealId: id, lineId })),
        200,
      )
    })
