import type { Deps } from '../../context.ts'
import { createRouter } from '../../lib/router.ts'
import { memberTx, requireMember } from '../../middleware/auth.ts'
import * as views from '../../services/saved-views/saved-views.ts'
import * as routes from './saved-views.routes.ts'

/** Every member keeps their own views; RLS keeps each statement to the caller's rows. */
export const savedViewRoutes = (deps: Deps) =>
  createRouter()
    .openapi(routes.listSavedViews, async (c) => {
      const actor = requireMember(c)
      const { list } = c.req.valid('query')
      return c.json({ data: await memberTx(deps, actor, (tx) => views.listSavedViews(tx, actor, list)) }, 200)
    })
    .openapi(routes.createSavedView, async (c) => {
      const actor = requireMember(c)
      const input = c.req.valid('json')
      return c.json(await memberTx(deps, actor, (tx) => views.createSavedView(tx, { actor, input })), 201)
    })
    .openapi(routes.updateSavedView, async (c) => {
      const actor = requireMember(c)
      const { id } = c.req.valid('param')
      const input = c.req.valid('json')
      return c.json(await memberTx(deps, actor, (tx) => views.updateSavedView(tx, { actor, id, input })), 200)
    })
    .openapi(routes.deleteSavedView, async (c) => {
      const actor = requireMember(c)
      const { id } = c.req.valid('param')
      await memberTx(deps, actor, (tx) => views.deleteSavedView(tx, { actor, id }))
      return c.body(null, 204)
    })
