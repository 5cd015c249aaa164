import type { Deps } from '../../context.ts'
import { createRouter } from '../../lib/router.ts'
import { memberTx, requireMember } from '../../middleware/auth.ts'
import { withFirstDealsPerStage } from '../../services/deals/first-deals-per-stage.ts'
import { summarizePipeline } from '../../services/deals/summarize-pipeline.ts'
import * as routes from './pipeline-summary.routes.ts'

export const pipelineSummaryRoutes = (deps: Deps) =>
  createRouter().openapi(routes.pipelineSummary, async (c) => {
    const actor = requireMember(c, 'processes.read')
    const { processId, firstDeals } = c.req.valid('query')
    const viewer = { userId: actor.userId, role: actor.role }
    return c.json(
      await memberTx(deps, actor, async (tx) => {
        const summary = await summarizePipeline(tx, processId, viewer)
        return firstDeals ? withFirstDealsPerStage(tx, summary, firstDeals) : summary
      }),
      200,
    )
  })
