// Board data: the chosen process's summary (column headers: every stage's count and total, from the
// pipeline stage totals) and one short page of cards per column, loaded in parallel. The page is
// proportional to what it shows, never to the process (issue 10): a first page of FIRST_PAGE cards per
// column, then COLUMN_PAGE more per "Show more" (the board at the column's cursor: a link without
// JavaScript; public/board.js fetches the same page and appends that column's cards). Cards carry only
// what a card shows.
import type { AppLoadContext } from '@remix-run/node'
import { apiClient } from './api.server.ts'
import { listMembers, listProcesses, must } from './sales.server.ts'

/** Cards per column when the board opens: what fits a screen, not a column of thousands. */
export const FIRST_PAGE = 8
/** Cards per "Show more". */
export const COLUMN_PAGE = 25

export interface Card {
  id: string
  name: string
  amount: string
  closeDate: string | null
  /** The owner's display name (null: unowned, or not a member any more). */
  owner: string | null
  /** When its next step is due (an instant); null without one. */
  nextDue: string | null
  /** Open without a next step: flagged (ADR 0168). */
  stalled: boolean
}

type Names = Map<string, string>

interface ListedDeal {
  id: string
  name: string
  amount: string
  closeDate: string | null
  assignedUserId: string | null
  status: string
  nextStep: { dueAt: string } | null
}

const toCard = (d: ListedDeal, names: Names): Card => ({
  id: d.id,
  name: d.name,
  amount: d.amount,
  closeDate: d.closeDate,
  owner: (d.assignedUserId && names.get(d.assignedUserId)) || null,
  nextDue: d.nextStep?.dueAt ?? null,
  stalled: d.status === 'open' && !d.nextStep,
})

async function memberNames(api: ReturnType<typeof apiClient>, request: Request, context: AppLoadContext) {
  const members = await listMembers(api, request, context)
  return new Map(members.map((m) => [m.id, m.name ?? m.email]))
}

async function fetchColumn(
  api: ReturnType<typeof apiClient>,
  request: Request,
  context: AppLoadContext,
  q: { processId: string; stageId: string; cursor?: string | undefined; limit: number },
) {
  const res = await api.deals.$get({
    query: {
      processId: q.processId,
      stageId: q.stageId,
      limit: String(q.limit),
      ...(q.cursor ? { cursor: q.cursor } : {}),
    },
  })
  return must(res, request, context)
}

/**
 * `?process=` picks the process; `?stage=&cursor=` shows that column from the cursor on ("Show more": the
 * page a link opens, or board.js fetches), every other column from its start. The summary brings each
 * column's first page with it (`firstDeals`): one API request for the whole board rather than one per stage.
 */
export async function loadBoard(request: Request, context: AppLoadContext) {
  const api = apiClient(request, context)
  const params = new URL(request.url).searchParams
  const processId = params.get('process') ?? undefined
  const paged = { stageId: params.get('stage'), cursor: params.get('cursor') ?? undefined }
  const [processes, summary, names] = await Promise.all([
    listProcesses(api, request, context),
    api['pipeline-summary']
      .$get({ query: { ...(processId ? { processId } : {}), firstDeals: String(FIRST_PAGE) } })
      .then((r) => must(r, request, context)),
    memberNames(api, request, context),
  ])
  const later =
    paged.stageId && paged.cursor && summary.stages.some((s) => s.stageId === paged.stageId)
      ? await fetchColumn(api, request, context, {
          processId: summary.processId,
          stageId: paged.stageId,
          cursor: paged.cursor,
          limit: COLUMN_PAGE,
        })
      : null
  return {
    processes: processes.map((p) => ({ id: p.id, name: p.name })),
    processId: summary.processId,
    processName: summary.processName,
    columns: summary.stages.map((s) => {
      const page =
        later && s.stageId === paged.stageId
          ? later
          : { data: s.deals ?? [], nextCursor: s.nextCursor ?? null }
      return {
        stageId: s.stageId,
        name: s.name,
        count: s.count,
        totalAmount: s.totalAmount,
        /** Set when this column shows a later page (no-JavaScript "Show more"). */
        pagedFrom: later && s.stageId === paged.stageId ? (paged.cursor ?? null) : null,
        cards: page.data.map((d) => toCard(d, names)),
        nextCursor: page.nextCursor,
      }
    }),
  }
}
