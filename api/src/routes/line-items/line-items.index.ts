import type { Context } from 'hono'
import type { AppEnv, Deps } from '../../context.ts'
import { createRouter } from '../../lib/router.ts'
import { memberTx, requireMember } from '../../middleware/auth.ts'
import { addLineItem } from '../../services/line-items/add-line-item.ts'
import { listLineItems } from '../../services/line-items/list-line-items.ts'
import { removeLineItem } from '../../services/line-items/remove-line-item.ts'
import { updateLineItem } from '../../services/line-items/update-line-item.ts'
import * as routes from './line-items.routes.ts'

// Any member may price a deal they can see: RLS decides which deals (a colleague's is a 404 for a rep).
const caller = (c: Context<AppEnv>) => ({ ...requireMember(c), requestId: c.get('requestId') })

export const lineItemsRoutes = (deps: Deps) =>
  createRouter()
    .openapi(routes.listLineItems, async (c) => {
      const who = caller(c)
      const { id } = c.req.valid('param')
      const query = c.req.valid('query')
      return c.json(await memberTx(deps, who, (tx) => listLineItems(tx, who.role, id, query)), 200)
    })
    .openapi(routes.addLineItem, async (c) => {
      const who = caller(c)
      const { id } = c.req.valid('param')
      const input = c.req.valid('json')
      return c.json(await memberTx(deps, who, (tx) => addLineItem(tx, who, id, input)), 201)
    })
    .openapi(routes.updateLineItem, async (c) => {
      const who = caller(c)
      const { id, lineId } = c.req.valid('param')
      const input = c.req.valid('json')
      return c.json(await memberTx(deps, who, (tx) => updateLineItem(tx, who, id, lineId, input)), 200)
    })
    .openapi(routes.removeLineItem, async (c) => {
      const who = caller(c)
      const { id, lineId } = c.req.valid('param')
      return c.json(await memberTx(deps, who, (tx) => removeLineItem(tx, who, id, lineId)), 200)
    })
