// The board: one column per stage of the chosen process, each a short first page of cards with the
// stage's count and total (issue 10: the page is proportional to what it shows; more cards on demand).
// Moves go through one action, reached by drag and drop or the card's Move form (fetcher, optimistic) or,
// without JavaScript, the same form posted.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { useFetchers, useLoaderData, useSubmit } from '@remix-run/react'
import { useCallback, useRef, useState } from 'react'
import { z } from 'zod'
import { BoardColumn } from '~/components/sales/board-column.tsx'
import { type BoardApi, BoardContext, type MoveResult } from '~/components/sales/board-context.tsx'
import { ProcessSwitcher } from '~/components/sales/process-switcher.tsx'
import { apiClient, readProblem } from '~/lib/api.server.ts'
import { type Card, loadBoard } from '~/lib/board.server.ts'
import { redirectWithFlash } from '~/lib/flash.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Board${data ? `: ${data.processName}` : ''} · Aura CRM` },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [board, workspace] = await Promise.all([
    loadBoard(request, context),
    apiClient(request, context)
      .workspace.$get()
      .then(async (r) => (r.ok ? await r.json() : null)),
  ])
  return { ...board, currency: workspace?.currency ?? 'EUR' }
}

/** A card's Move (the card's form, or drag and drop through a fetcher); the API checks the ids. */
const ZBoardMove = z.object({
  dealId: z.string(),
  stageId: z.string(),
  processId: z.string().optional(),
  via: z.literal('fetcher').optional(),
})

export async function action({ request, context }: ActionFunctionArgs) {
  const move = ZBoardMove.safeParse(Object.fromEntries(await request.formData()))
  if (!move.success) {
    const moveError = { title: 'Choose a deal and a stage', fields: ['dealId', 'stageId'] }
    return data({ dealId: '', moveError } satisfies MoveResult, { status: 400 })
  }
  const { dealId, stageId, processId, via } = move.data
  const res = await apiClient(request, context).deals[':id'].stage.$post({
    param: { id: dealId },
    json: { stageId },
  })
  if (res.ok) {
    const deal = await res.json()
    if (via === 'fetcher') return { ok: true, dealId, stageName: deal.stageName } satisfies MoveResult
    const board = `/board?process=${encodeURIComponent(processId ?? deal.processId)}`
    return redirectWithFlash(request, board, 'deal.moved', deal.stageName)
  }
  const p = await readProblem(res)
  const moveError = { title: p.title, fields: p.errors.map((e) => e.field) }
  return data({ dealId, moveError } satisfies MoveResult, { status: p.status < 500 ? p.status : 502 })
}

function usePendingMoves() {
  const fetchers = useFetchers()
  // In-flight moves: the card shows in its new column at once (optimistic) until the board revalidates.
  const pending = new Map<string, string>()
  for (const f of fetchers) {
    const stageId = f.formData?.get('stageId')
    if (f.key.startsWith('move-') && f.formData?.get('intent') === 'move' && typeof stageId === 'string') {
      pending.set(f.key.slice(5), stageId)
    }
  }
  return pending
}

export default function Board() {
  const board = useLoaderData<typeof loader>()
  const submit = useSubmit()
  const pending = usePendingMoves()
  // Extra pages per column, kept per process so switching processes starts from first pages again.
  const [loaded, setLoaded] = useState<{ processId: string; cols: Record<string, Card[]> }>({
    processId: board.processId,
    cols: {},
  })
  const more = loaded.processId === board.processId ? loaded.cols : {}
  const [focusId, setFocusId] = useState<string | null>(null)
  const [message, setMessage] = useState('')
  const announced = useRef(new WeakSet<object>())
  const names = useRef(new Map<string, string>())
  const onMore = useCallback(
    (stageId: string, cards: Card[]) =>
      setLoaded((l) => {
        const cols = l.processId === board.processId ? l.cols : {}
        return {
          processId: board.processId,
          cols: { ...cols, [stageId]: [...(cols[stageId] ?? []), ...cards] },
        }
      }),
    [board.processId],
  )

  // Every card once: the loader's fresh pages win over older "Load more" copies; pending moves apply.
  const all = new Map<string, { card: Card; stageId: string }>()
  for (const source of [
    (s: string) => board.columns.find((c) => c.stageId === s)?.cards,
    (s: string) => more[s],
  ])
    for (const col of board.columns)
      for (const card of source(col.stageId) ?? [])
        if (!all.has(card.id)) all.set(card.id, { card, stageId: col.stageId })
  for (const { card } of all.values()) names.current.set(card.id, card.name)
  const columns = board.columns.map((col) => ({
    col,
    cards: [...all.values()]
      .filter((x) => (pending.get(x.card.id) ?? x.stageId) === col.stageId)
      .map((x) => x.card),
  }))
  const pendingIds = new Set(pending.keys())

  // Finished moves are said in the live region, once each (a moved card remounts with the same result).
  const announce = useCallback((d: MoveResult) => {
    if (announced.current.has(d)) return
    announced.current.add(d)
    const name = names.current.get(d.dealId) ?? 'The deal'
    setMessage(
      d.ok
        ? `Moved ${name} to ${d.stageName}.`
        : `${name} was not moved: ${d.moveError?.title ?? 'refused'}.`,
    )
  }, [])

  const api: BoardApi = {
    processId: board.processId,
    stages: board.columns.map((c) => ({ stageId: c.stageId, name: c.name })),
    currency: board.currency,
    focusId,
    announce,
    move(dealId, _name, stageId, focus) {
      const stage = board.columns.find((c) => c.stageId === stageId)
      setMessage(`Moving ${names.current.get(dealId) ?? 'deal'} to ${stage?.name ?? 'stage'}…`)
      setFocusId(focus ? dealId : null)
      submit(
        { intent: 'move', via: 'fetcher', dealId, stageId, processId: board.processId },
        { method: 'post', navigate: false, fetcherKey: `move-${dealId}` },
      )
    },
  }

  return (
    <BoardContext.Provider value={api}>
      <div className="flex flex-col gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">Board: {board.processName}</h1>
        <ProcessSwitcher processes={board.processes} currentId={board.processId} path="/board" />
        <p role="status" aria-live="polite" className="min-h-6 text-sm text-slate-700">
          {message}
        </p>
        <div className="relative -mx-4 overflow-x-auto px-4 pb-2" data-testid="board-scroll">
          <div className="flex items-start gap-3">
            {columns.map(({ col, cards }) => (
              <BoardColumn
                key={col.stageId}
                column={col}
                cards={cards}
                pendingIds={pendingIds}
                onMore={onMore}
              />
            ))}
          </div>
        </div>
      </div>
    </BoardContext.Provider>
  )
}
