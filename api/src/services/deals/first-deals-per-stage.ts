// The board's first page of every column in the summary's own transaction (issue 10): one request, one
// identity and one tenant transaction for the whole board instead of one per stage. Each page is the
// board column query of GET /deals (processId + stageId, updatedAt desc), so "Show more" continues from
// its nextCursor there.
import type { Tx } from '@aura/db'
import { listDeals } from './list-deals.ts'

type Summary = { processId: string; stages: { stageId: string }[] }
type Page = Awaited<ReturnType<typeof listDeals>>

export async function withFirstDealsPerStage<T extends Summary>(tx: Tx, summary: T, limit: number) {
  const stages: (T['stages'][number] & { deals: Page['data']; nextCursor: Page['nextCursor'] })[] = []
  // One after another: a transaction is one connection, its statements run in order anyway.
  for (const stage of summary.stages) {
    const page = await listDeals(tx, {
      processId: summary.processId,
      stageId: stage.stageId,
      limit,
      sort: 'updatedAt',
      direction: 'desc',
    })
    stages.push({ ...stage, deals: page.data, nextCursor: page.nextCursor })
  }
  return { ...summary, stages }
}
