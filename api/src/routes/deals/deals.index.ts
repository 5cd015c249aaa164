import type { Deps } from '../../context.ts'
import { withConstraintErrors } from '../../lib/db-errors.ts'
import { createRouter } from '../../lib/router.ts'
import { memberTx, requireMember } from '../../middleware/auth.ts'
import { createDeal } from '../../services/deals/create-deal.ts'
import { getDeal } from '../../services/deals/deal-view.ts'
import { deleteDeal } from '../../services/deals/delete-deal.ts'
import { listDealHistory } from '../../services/deals/list-deal-history.ts'
import { listDeals } from '../../services/deals/list-deals.ts'
import { moveDealToStage } from '../../services/deals/move-deal-to-stage.ts'
import { updateDeal } from '../../services/deals/update-deal.ts'
import * as routes from './deals.routes.ts'

/** Constraint names → the field they concern, for races the services' own checks did not see. */
const DEAL_CONSTRAINTS = {
  deals_process_fk: 'processId',
  deals_stage_in_process_fk: 'stageId',
  deals_contact_fk: 'contactId',
  deals_organization_fk: 'organizationId',
  deals_assigned_user_fk: 'assignedUserId',
  deals_amount_non_negative: 'amount',
  deals_probability_range: 'probability',
}

/** Any member works with deals; RLS narrows a rep to their own (404 for a colleague's). */
export const dealRoutes = (deps: Deps) =>
  createRouter()
    .openapi(routes.listDeals, async (c) => {
      const actor = requireMember(c)
      const query = c.req.valid('query')
      return c.json(await memberTx(deps, actor, (tx) => listDeals(tx, query)), 200)
    })
    .openapi(routes.createDeal, async (c) => {
      const actor = requireMember(c)
      const body = c.req.valid('json')
      const deal = await withConstraintErrors(DEAL_CONSTRAINTS, () =>
        memberTx(deps, actor, (tx) => createDeal(tx, { actor, input: body })),
      )
      return c.json(deal, 201)
    })
    .openapi(routes.getDeal, async (c) => {
      const actor = requireMember(c)
      const { id } = c.req.valid('param')
      const { include, lineItemsLimit } = c.req.valid('query')
      const deal = await memberTx(deps, actor, (tx) =>
        include === 'lineItems'
          ? getDeal(tx, id, { lineItems: lineItemsLimit, role: actor.role })
          : getDeal(tx, id),
      )
      return c.json(deal, 200)
    })
    .openapi(routes.updateDeal, async (c) => {
      const actor = requireMember(c)
      const { id } = c.req.valid('param')
      const body = c.req.valid('json')
      const deal = await withConstraintErrors(DEAL_CONSTRAINTS, () =>
        memberTx(deps, actor, (tx) => updateDeal(tx, { actor, id, input: body })),
      )
      return c.json(deal, 200)
    })
    .openapi(routes.deleteDeal, async (c) => {
      const actor = requireMember(c)
      await memberTx(deps, actor, (tx) => deleteDeal(tx, { actor, id: c.req.valid('param').id }))
      return c.body(null, 204)
    })
    .openapi(routes.moveDeal, async (c) => {
      const actor = requireMember(c)
      const { id } = c.req.valid('param')
      const body = c.req.valid('json')
      const deal = await withConstraintErrors(DEAL_CONSTRAINTS, () =>
        memberTx(deps, actor, (tx) => moveDealToStage(tx, { actor, id, target: body })),
      )
      return c.json(deal, 200)
    })
    .openapi(routes.dealHistory, async (c) => {
      const actor = requireMember(c)
      return c.json(await memberTx(deps, actor, (tx) => listDealHistory(tx, c.req.valid('param').id)), 200)
    })
