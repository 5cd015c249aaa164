import { Form, Link, useActionData, useFetcher, useSearchParams } from '@remix-run/react'
import { type FormEvent, type MouseEvent, useEffect, useRef, useState } from 'react'
import { Alert } from '~/components/ui/alert.tsx'
import { buttonClass } from '~/components/ui/button.tsx'
import type { Card } from '~/lib/board.server.ts'
import { formatDate, formatMoney } from '~/lib/money.ts'
import { type MoveResult, useBoard } from './board-context.tsx'
import { fieldLabels } from './stage-select.tsx'

/**
 * The card's small controls (Move…, Cancel): plain words, as a 44 px tap target with the house's focus
 * ring, so a thumb on a phone hits them without making the card taller on a laptop.
 */
const controlClass =
  'inline-flex min-h-11 min-w-11 items-center justify-center rounded-md px-2 text-sm font-medium text-indigo-700 hover:bg-indigo-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none'

/**
 * A compact board card (issue 13: a laptop sees six or more per column): name, amount and close date,
 * owner, and a Move… disclosure beside the facts rather than under them. Draggable (mouse/touch); Move…
 * opens the stage select + Move button: the keyboard path and, with JavaScript off, a link to the board
 * with this card's picker open (`?move=`) whose form posts to the same action. Only an open card carries
 * the form, so a board of many cards stays small (issue 10: the page is proportional to what it shows).
 */
export function DealCard({ card, stageId, pending }: { card: Card; stageId: string; pending: boolean }) {
  const board = useBoard()
  const [params] = useSearchParams()
  const fetcher = useFetcher<MoveResult>({ key: `move-${card.id}` })
  const actionData = useActionData<MoveResult>()
  const result =
    fetcher.data?.dealId === card.id ? fetcher.data : actionData?.dealId === card.id ? actionData : null
  const [open, setOpen] = useState(params.get('move') === card.id)
  const link = useRef<HTMLAnchorElement>(null)
  useEffect(() => {
    if (board.focusId === card.id) link.current?.focus()
  }, [board.focusId, card.id])
  const { announce } = board
  useEffect(() => {
    if (fetcher.state === 'idle' && fetcher.data) announce(fetcher.data)
  }, [fetcher.state, fetcher.data, announce])
  const withMove = (dealId: string | null) => {
    const next = new URLSearchParams(params)
    if (dealId) next.set('move', dealId)
    else next.delete('move')
    return `?${next}`
  }
  const toggle = (to: boolean) => (e: MouseEvent) => {
    e.preventDefault()
    setOpen(to)
    if (!to) link.current?.focus()
  }
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const to = new FormData(e.currentTarget).get('stageId')
    if (typeof to === 'string' && to !== stageId) {
      setOpen(false)
      board.move(card.id, card.name, to, true)
    }
  }
  return (
    <li
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', card.id)
        e.dataTransfer.effectAllowed = 'move'
      }}
      data-deal-id={card.id}
      className={`grid cursor-grab grid-cols-[minmax(0,1fr)_auto] gap-x-2 rounded-md border border-slate-200 bg-white px-3 py-1.5 text-sm shadow-sm${pending ? ' opacity-60' : ''}`}
    >
      {/* discover="none": the deal route is found when a card is followed, not announced by each card.
          Below sm (a phone) the name is a 44 px tap target; on a laptop it stays one line tall. */}
      <Link
        ref={link}
        to={`/deals/${card.id}`}
        discover="none"
        className="col-span-2 flex min-h-11 items-center font-medium text-indigo-700 underline sm:block sm:min-h-0"
      >
        {card.name}
      </Link>
      {/* The facts keep the first column when the picker is open and Move… leaves the second. */}
      <p className="col-start-1 text-slate-600 tabular-nums">
        {`${formatMoney(card.amount, board.currency)} · ${formatDate(card.closeDate)}`}
      </p>
      {card.owner && <p className="col-start-1 text-slate-600">{card.owner}</p>}
      {result?.moveError && (
        <Alert tone="warning" className="col-span-2 mt-1 p-2">
          {result.moveError.title}
          {result.moveError.fields.length > 0 && <>: fill in {fieldLabels(result.moveError.fields)} </>}{' '}
          <Link to={`/deals/${card.id}`} className="underline">
            on the deal page
          </Link>
        </Alert>
      )}
      {open ? (
        <MoveForm
          card={card}
          stageId={stageId}
          onSubmit={onSubmit}
          cancelTo={withMove(null)}
          onCancel={toggle(false)}
        />
      ) : (
        // Beside the facts (rows 2–3 of the card's grid), so the tap target adds no height of its own.
        <Link
          to={withMove(card.id)}
          discover="none"
          preventScrollReset
          onClick={toggle(true)}
          aria-label={`Move ${card.name}…`}
          className={`${controlClass} col-start-2 row-span-2 row-start-2 self-center`}
        >
          Move…
        </Link>
      )}
    </li>
  )
}

function MoveForm({
  card,
  stageId,
  onSubmit,
  cancelTo,
  onCancel,
}: {
  card: Card
  stageId: string
  onSubmit: (e: FormEvent<HTMLFormElement>) => void
  cancelTo: string
  onCancel: (e: MouseEvent) => void
}) {
  const board = useBoard()
  const selectId = `move-${card.id}`
  return (
    <Form method="post" onSubmit={onSubmit} className="col-span-2 mt-1 flex flex-wrap items-end gap-1">
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="dealId" value={card.id} />
      <input type="hidden" name="processId" value={board.processId} />
      <label htmlFor={selectId} className="sr-only">
        Stage for {card.name}
      </label>
      <select
        id={selectId}
        name="stageId"
        defaultValue={stageId}
        // biome-ignore lint/a11y/noAutofocus: the picker opens on the user's request; focus goes where they act next
        autoFocus
        className="min-h-11 min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 text-sm"
      >
        {board.stages.map((s) => (
          <option key={s.stageId} value={s.stageId}>
            {s.name}
          </option>
        ))}
      </select>
      <button type="submit" className={buttonClass.secondary} aria-label={`Move ${card.name}`}>
        Move
      </button>
      <Link to={cancelTo} preventScrollReset onClick={onCancel} className={controlClass}>
        Cancel
      </Link>
    </Form>
  )
}
