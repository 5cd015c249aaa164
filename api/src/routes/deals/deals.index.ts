import type { Context } from 'hono'
import type { AppEnv, Deps } from '../../context.ts'
import { withConstraintErrors } from '../../lib/db-errors.ts'
import { can } from '../../lib/permissions.ts'
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
const caller = (c: Context<AppEnv>) => {
  const member = requireMember(c)
  const actor = { tenantId: member.tenantId, userId: member.userId, requestId: c.get('requestId') }
  return { member, actor, mayReassign: can(member.role, 'records.reassign') }
}

export const dealRoutes = (deps: Deps) =>
  createRouter()
    .openapi(routes.listDeals, async (c) => {
      const { member } = caller(c)
      const query = c.req.valid('query')
      return c.json(await memberTx(deps, member, (tx) => listDeals(tx, query)), 200)
    })
    .openapi(routes.createDeal, async (c) => {
      const { member, actor, mayReassign } = caller(c)
      const body = c.req.valid('json')
      const deal = await withConstraintErrors(DEAL_CONSTRAINTS, () =>
        memberTx(deps, member, (tx) => createDeal(tx, actor, body, mayReassign)),
      )
      return c.json(deal, 201)
    })
    .openapi(routes.getDeal, async (c) => {
      const { member } = caller(c)
      const { id } = c.req.valid('param')
      const { include, lineItemsLimit } = c.req.valid('query')
      const deal = await memberTx(deps, member, (tx) =>
        include === 'lineItems'
          ? getDeal(tx, id, { lineItems: lineItemsLimit, role: member.role })
          : getDeal(tx, id),
      )
      return c.json(deal, 200)
    })
    .openapi(routes.updateDeal, async (c) => {
      const { member, actor, mayReassign } = caller(c)
      const { id } = c.req.valid('param')
      const body = c.req.valid('json')
      const deal = await withConstraintErrors(DEAL_CONSTRAINTS, () =>
        memberTx(deps, member, (tx) => updateDeal(tx, actor, id, body, mayReassign)),
      )
      return c.json(deal, 200)
    })
    .openapi(routes.deleteDeal, async (c) => {
      const { member, actor } = caller(c)
      await memberTx(deps, member, (tx) => deleteDeal(tx, actor, c.req.valid('param').id))
      return c.body(null, 204)
    })
    .openapi(routes.moveDeal, async (c) => {
      const { member, actor } = caller(c)
      const { id } = c.req.valid('param')
      const body = c.req.valid('json')
      const deal = await withConstraintErrors(DEAL_CONSTRAINTS, () =>
        memberTx(deps, member, (tx) => moveDealToStage(tx, actor, id, body)),
      )
      return c.json(deal, 200)
    })
    .openapi(routes.dealHistory, async (c) => {
      const { member } = caller(c)
      return c.json(await memberTx(deps, member, (tx) => listDealHistory(tx, c.req.valid('param').id)), 200)
    })
