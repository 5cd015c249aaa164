import type { Deps } from '../../context.ts'
import { createRouter } from '../../lib/router.ts'
import { memberTx, requireMember } from '../../middleware/auth.ts'
import * as duplicates from '../../services/duplicates/find-duplicates.ts'
import * as merges from '../../services/duplicates/merge-records.ts'
import * as routes from './duplicates.routes.ts'

/** Every member finds and merges duplicates among the records RLS lets them change (ADR 0172). */
export const duplicateRoutes = (deps: Deps) =>
  createRouter()
    .openapi(routes.listDuplicates, async (c) => {
      const actor = requireMember(c)
      const query = c.req.valid('query')
      return c.json(await memberTx(deps, actor, (tx) => duplicates.listDuplicates(tx, actor, query)), 200)
    })
    .openapi(routes.createMerge, async (c) => {
      const actor = requireMember(c)
      const input = c.req.valid('json')
      return c.json(await memberTx(deps, actor, (tx) => merges.mergeRecords(tx, { actor, input })), 201)
    })
    .openapi(routes.getMerge, async (c) => {
      const actor = requireMember(c)
      const { id } = c.req.valid('param')
      return c.json(await memberTx(deps, actor, (tx) => merges.getMerge(tx, { actor, id })), 200)
    })
    .openapi(routes.undoMerge, async (c) => {
      const actor = requireMember(c)
      const { id } = c.req.valid('param')
      return c.json(await memberTx(deps, actor, (tx) => merges.undoMerge(tx, { actor, id })), 200)
    })
