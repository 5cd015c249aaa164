import type { Card } from '~/lib/board.server.ts'
import { formatMoney } from '~/lib/money.ts'
import { DealCard, type Stage } from './deal-card.tsx'

export interface Column {
  stageId: string
  name: string
  count: number
  totalAmount: string
  /** The cursor this column starts from, when the board shows a later page of it (no JavaScript). */
  pagedFrom: string | null
  cards: Card[]
  nextCursor: string | null
}

const moreClass =
  'inline-flex min-h-11 items-center justify-center rounded-md border border-slate-300 bg-white text-sm font-medium'

/**
 * One stage: header count and total from the pipeline summary (every deal of the stage), a first page of
 * cards, and "Show more": a link to the board at this column's cursor. Server-rendered only; board.js
 * makes the column a drop target (`data-drop-over` while a card is over it), takes its fresh header from
 * the board's HTML after a move, and turns "Show more" into a fetch of that same link whose cards it
 * appends in place.
 */
export function BoardColumn({
  column,
  processId,
  stages,
  currency,
  timezone,
}: {
  column: Column
  processId: string
  stages: Stage[]
  currency: string
  /** The reader's zone, for the day each card's next step is due. */
  timezone: string
}) {
  const headingId = `col-${column.stageId}`
  const page = (cursor: string) =>
    `/board?${new URLSearchParams({ process: processId, stage: column.stageId, cursor })}`
  return (
    <section
      aria-labelledby={headingId}
      data-stage-id={column.stageId}
      className="flex w-72 shrink-0 flex-col gap-2 rounded-md border border-slate-200 bg-slate-100 p-2 data-drop-over:border-indigo-400 data-drop-over:bg-indigo-50"
    >
      {/* One line when the name and the count fit (a laptop's column): the height goes to cards. */}
      <header className="flex flex-wrap items-baseline justify-between gap-x-2 px-1">
        <h2 id={headingId} className="font-semibold">
          {column.name}
        </h2>
        <p className="text-sm text-slate-600">
          {column.count} {column.count === 1 ? 'deal' : 'deals'} ·{' '}
          <span className="tabular-nums">{formatMoney(column.totalAmount, currency)}</span>
        </p>
      </header>
      {column.pagedFrom && (
        <a href={`/board?process=${processId}`} className={moreClass}>
          Back to the first deals
        </a>
      )}
      <ul className="flex flex-col gap-2">
        {column.cards.map((c) => (
          <DealCard
            key={c.id}
            card={c}
            stageId={column.stageId}
            processId={processId}
            stages={stages}
            currency={currency}
            timezone={timezone}
          />
        ))}
      </ul>
      {column.nextCursor && (
        <a href={page(column.nextCursor)} data-show-more className={moreClass}>
          Show more in {column.name}
        </a>
      )}
    </section>
  )
}
