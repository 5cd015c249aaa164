import type { Deps } from '../../context.ts'
import { createRouter } from '../../lib/router.ts'
import { memberTx, requireMember } from '../../middleware/auth.ts'
import { summarizePipeline } from '../../services/deals/summarize-pipeline.ts'
import * as routes from './pipeline-summary.routes.ts'

export const pipelineSummaryRoutes = (deps: Deps) =>
  createRouter().openapi(routes.pipelineSummary, async (c) => {
    const member = requireMember(c, 'processes.read')
    const { processId } = c.req.valid('query')
    return c.json(
      await memberTx(deps, member, (tx) =>
        summarizePipeline(tx, processId, { userId: member.userId, role: member.role }),
      ),
      200,
    )
  })
