// Board data: the chosen process's summary (column headers) and the first page of each column, loaded
// in parallel; cards carry only what a card shows, so a 10,000-deal process still opens fast.
import type { AppLoadContext } from '@remix-run/node'
import { apiClient } from './api.server.ts'
import { listMembers, listProcesses, must } from './sales.server.ts'

export const COLUMN_PAGE = 25

export interface Card {
  id: string
  name: string
  amount: string
  currency: string
  closeDate: string | null
  assignedUserId: string | null
}

export const toCard = (d: Card): Card => ({
  id: d.id,
  name: d.name,
  amount: d.amount,
  currency: d.currency,
  closeDate: d.closeDate,
  assignedUserId: d.assignedUserId,
})

export async function columnPage(
  request: Request,
  context: AppLoadContext,
  q: { processId: string; stageId: string; cursor?: string | undefined },
) {
  const res = await apiClient(request, context).deals.$get({
    query: {
      processId: q.processId,
      stageId: q.stageId,
      limit: String(COLUMN_PAGE),
      ...(q.cursor ? { cursor: q.cursor } : {}),
    },
  })
  const page = await must(res, request, context)
  return { cards: page.data.map(toCard), nextCursor: page.nextCursor }
}

export async function loadBoard(request: Request, context: AppLoadContext) {
  const api = apiClient(request, context)
  const processId = new URL(request.url).searchParams.get('process') ?? undefined
  const [processes, summary, members] = await Promise.all([
    listProcesses(api, request, context),
    api['pipeline-summary']
      .$get({ query: processId ? { processId } : {} })
      .then((r) => must(r, request, context)),
    listMembers(api, request, context),
  ])
  const pages = await Promise.all(
    summary.stages.map((s) =>
      columnPage(request, context, { processId: summary.processId, stageId: s.stageId }),
    ),
  )
  return {
    processes: processes.map((p) => ({ id: p.id, name: p.name })),
    processId: summary.processId,
    processName: summary.processName,
    columns: summary.stages.map((s, i) => ({
      stageId: s.stageId,
      name: s.name,
      kind: s.kind,
      count: s.count,
      totalAmount: s.totalAmount,
      weightedAmount: s.weightedAmount,
      cards: pages[i]?.cards ?? [],
      nextCursor: pages[i]?.nextCursor ?? null,
    })),
    users: Object.fromEntries(members.map((m) => [m.id, m.name ?? m.email])),
  }
}
