import { Form, Link, useActionData, useFetcher } from '@remix-run/react'
import { type FormEvent, useEffect, useRef } from 'react'
import type { Card } from '~/lib/board.server.ts'
import { formatDate, formatMoney } from '~/lib/money.ts'
import { type MoveResult, useBoard } from './board-context.tsx'
import { buttonClass } from './select-field.tsx'
import { fieldLabels } from './stage-select.tsx'

/**
 * A board card: draggable (mouse/touch), and a stage select + Move button that is the keyboard path
 * and, with JavaScript off, a plain form posting to the same action.
 */
export function DealCard({ card, stageId, pending }: { card: Card; stageId: string; pending: boolean }) {
  const board = useBoard()
  const fetcher = useFetcher<MoveResult>({ key: `move-${card.id}` })
  const actionData = useActionData<MoveResult>()
  const result =
    fetcher.data?.dealId === card.id ? fetcher.data : actionData?.dealId === card.id ? actionData : null
  const link = useRef<HTMLAnchorElement>(null)
  useEffect(() => {
    if (board.focusId === card.id) link.current?.focus()
  }, [board.focusId, card.id])
  const { announce } = board
  useEffect(() => {
    if (fetcher.state === 'idle' && fetcher.data) announce(fetcher.data)
  }, [fetcher.state, fetcher.data, announce])
  const selectId = `move-${card.id}`
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const to = new FormData(e.currentTarget).get('stageId')
    if (typeof to === 'string' && to !== stageId) board.move(card.id, card.name, to, true)
  }
  return (
    <li
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', card.id)
        e.dataTransfer.effectAllowed = 'move'
      }}
      data-deal-id={card.id}
      className={`flex cursor-grab flex-col gap-2 rounded-md border border-slate-200 bg-white p-3 shadow-sm ${pending ? 'opacity-60' : ''}`}
    >
      <Link
        ref={link}
        to={`/deals/${card.id}`}
        className="font-medium text-indigo-700 underline focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
      >
        {card.name}
      </Link>
      <p className="text-sm text-slate-600">
        <span className="tabular-nums">{formatMoney(card.amount, card.currency)}</span> ·{' '}
        {formatDate(card.closeDate)}
        {card.assignedUserId && board.users[card.assignedUserId] && (
          <span className="block">{board.users[card.assignedUserId]}</span>
        )}
      </p>
      {result?.moveError && (
        <div
          role="alert"
          className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900"
        >
          {result.moveError.title}
          {result.moveError.fields.length > 0 && <>: fill in {fieldLabels(result.moveError.fields)} </>}{' '}
          <Link to={`/deals/${card.id}`} className="underline">
            on the deal page
          </Link>
        </div>
      )}
      <Form method="post" onSubmit={onSubmit} className="flex items-end gap-1">
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
      </Form>
    </li>
  )
}
