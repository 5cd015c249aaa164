import { Link, useFetcher } from '@remix-run/react'
import { type DragEvent, useEffect, useState } from 'react'
import type { Card } from '~/lib/board.server.ts'
import { formatMoney } from '~/lib/money.ts'
import { useBoard } from './board-context.tsx'
import { DealCard } from './deal-card.tsx'

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
 * cards, and "Show more": a link to the board at this column's cursor, which JavaScript turns into a
 * fetch of the next page appended in place.
 */
export function BoardColumn({
  column,
  cards,
  pendingIds,
  onMore,
}: {
  column: Column
  cards: Card[]
  pendingIds: Set<string>
  onMore: (stageId: string, cards: Card[]) => void
}) {
  const board = useBoard()
  const more = useFetcher<{ cards: Card[]; nextCursor: string | null }>()
  const [cursor, setCursor] = useState(column.nextCursor)
  const [over, setOver] = useState(false)
  useEffect(() => setCursor(column.nextCursor), [column.nextCursor])
  useEffect(() => {
    if (more.state !== 'idle' || !more.data) return
    onMore(column.stageId, more.data.cards)
    setCursor(more.data.nextCursor)
  }, [more.state, more.data, column.stageId, onMore])
  const headingId = `col-${column.stageId}`
  const page = (c: string) =>
    `/board?${new URLSearchParams({ process: board.processId, stage: column.stageId, cursor: c })}`
  function onDrop(e: DragEvent) {
    e.preventDefault()
    setOver(false)
    const id = e.dataTransfer.getData('text/plain')
    const card = id && cards.find((c) => c.id === id)
    if (id && !card) board.move(id, '', column.stageId, false)
  }
  return (
    <section
      aria-labelledby={headingId}
      data-stage-id={column.stageId}
      onDragOver={(e) => {
        e.preventDefault()
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      className={`flex w-72 shrink-0 flex-col gap-2 rounded-md border p-2 ${over ? 'border-indigo-400 bg-indigo-50' : 'border-slate-200 bg-slate-100'}`}
    >
      {/* One line when the name and the count fit (a laptop's column): the height goes to cards. */}
      <header className="flex flex-wrap items-baseline justify-between gap-x-2 px-1">
        <h2 id={headingId} className="font-semibold">
          {column.name}
        </h2>
        <p className="text-sm text-slate-600">
          {column.count} {column.count === 1 ? 'deal' : 'deals'} ·{' '}
          <span className="tabular-nums">{formatMoney(column.totalAmount, board.currency)}</span>
        </p>
      </header>
      {column.pagedFrom && (
        <Link to={`/board?process=${board.processId}`} className={moreClass}>
          Back to the first deals
        </Link>
      )}
      <ul className="flex flex-col gap-2">
        {cards.map((c) => (
          <DealCard key={c.id} card={c} stageId={column.stageId} pending={pendingIds.has(c.id)} />
        ))}
      </ul>
      {cursor && (
        <Link
          to={page(cursor)}
          onClick={(e) => {
            e.preventDefault()
            more.load(
              `/resources/board-column?process=${board.processId}&stage=${column.stageId}&cursor=${encodeURIComponent(cursor)}`,
            )
          }}
          className={moreClass}
        >
          {more.state === 'loading' ? 'Loading…' : `Show more in ${column.name}`}
        </Link>
      )}
    </section>
  )
}
