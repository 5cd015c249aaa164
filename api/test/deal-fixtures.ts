// Shared setup for the deals, processes and pipeline tests: what the database holds for a deal, and the
// default process's stages by name. Calls go through `call` in ./fixtures.ts (typed replies).
import { schema } from '@aura/db'
import { z } from '@hono/zod-openapi'
import { and, desc, eq } from 'drizzle-orm'
import { ZPage } from '../src/lib/pagination.ts'
import { ZDeal, ZDealHistory, ZDealWithLines } from '../src/routes/deals/deals.schemas.ts'
import { ZPipelineSummary } from '../src/routes/pipeline-summary/pipeline-summary.routes.ts'
import { ZProcess, ZStage } from '../src/routes/processes/processes.schemas.ts'
import type { TestApi, Workspace } from './fixtures.ts'

export { call, fields, send, type TestApi, type Workspace } from './fixtures.ts'

/** The default process's stages by name (Prospect 10, Qualified 25, Proposal 50, Negotiation 75, Won, Lost). */
export const stage = (ws: Workspace, name: string) => {
  const s = ws.defaults.defaultProcess.stages.find((x) => x.name === name)
  if (!s) throw new Error(`no stage ${name}`)
  return s
}

export const stageHistory = (api: TestApi, dealId: string) =>
  api.db
    .select()
    .from(schema.dealStageHistory)
    .where(eq(schema.dealStageHistory.dealId, dealId))
    .orderBy(desc(schema.dealStageHistory.changedAt), desc(schema.dealStageHistory.createdAt))

export const auditOf = (api: TestApi, tenantId: string, action: string) =>
  api.db
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.tenantId, tenantId), eq(schema.auditLog.action, action)))

export const dealRow = async (api: TestApi, id: string) => {
  const [row] = await api.db.select().from(schema.deals).where(eq(schema.deals.id, id))
  return row
}

/** The deal and process routes' list replies, from their item schemas. */
export const ZDealPage = ZPage(ZDeal)
export const ZProcessList = z.object({ data: z.array(ZProcess) })
export const ZStageList = z.object({ data: z.array(ZStage) })
export { ZNoContent, ZRefusal } from './fixtures.ts'
export { ZDeal, ZDealHistory, ZDealWithLines, ZPipelineSummary, ZProcess, ZStage }
