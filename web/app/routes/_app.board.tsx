// The board: one column per stage of the chosen process, each a short first page of cards with the
// stage's count and total (issue 10: the page is proportional to what it shows; more cards on demand).
// A static page (ADR 0166): the server renders it whole and ships no app JavaScript. Without JavaScript a
// card's Move… opens its form (`?move=`) that posts to this action; public/board.js (this route's one
// script) adds drag and drop, the Move form in place and "Show more" in place, through the same move
// (lib/board-move.server.ts, reached at resources.board-move) and the same pages.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { BoardColumn } from '~/components/sales/board-column.tsx'
import { MoveError, MoveForm } from '~/components/sales/deal-card.tsx'
import { ProcessSwitcher } from '~/components/sales/process-switcher.tsx'
import { apiClient } from '~/lib/api.server.ts'
import { loadBoard } from '~/lib/board.server.ts'
import { moveDeal } from '~/lib/board-move.server.ts'
import { redirectWithFlash } from '~/lib/flash.server.ts'
import type { RouteHandle } from '~/root.tsx'
import { useMe } from './_app.tsx'

export const handle: RouteHandle = { hydrate: false, scripts: ['/board.js'] }

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

/** A card's Move form sent without JavaScript: back to the board with a flash, or the refusal on the card. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { result, status, processId } = await moveDeal(request, context)
  if (!result.ok) return data(result, { status })
  const board = `/board?process=${encodeURIComponent(processId ?? '')}`
  return redirectWithFlash(request, board, 'deal.moved', result.stageName ?? '')
}

export default function Board() {
  const board = useLoaderData<typeof loader>()
  const me = useMe()
  const stages = board.columns.map((c) => ({ stageId: c.stageId, name: c.name }))
  return (
    <div className="flex flex-col gap-4" data-board>
      <h1 className="text-2xl font-semibold tracking-tight">Board: {board.processName}</h1>
      <ProcessSwitcher processes={board.processes} currentId={board.processId} path="/board" />
      <p role="status" aria-live="polite" className="min-h-6 text-sm text-slate-700" data-board-status />
      <div className="relative -mx-4 overflow-x-auto px-4 pb-2" data-testid="board-scroll">
        <div className="flex items-start gap-3">
          {board.columns.map((col) => (
            <BoardColumn
              key={col.stageId}
              column={col}
              processId={board.processId}
              stages={stages}
              currency={board.currency}
              timezone={me.effectiveTimezone}
            />
          ))}
        </div>
      </div>
      {/* What board.js clones for a card, rendered once for the board (never shown as they are). */}
      <template data-template="move-form">
        <MoveForm card={{ id: '', name: '' }} stageId="" processId={board.processId} stages={stages} />
      </template>
      <template data-template="move-error">
        <MoveError dealId="" moveError={{ title: '', fields: [], labels: '' }} />
      </template>
    </div>
  )
}
