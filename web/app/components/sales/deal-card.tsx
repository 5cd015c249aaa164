import { Link, useActionData, useSearchParams } from '@remix-run/react'
import { Alert } from '~/components/ui/alert.tsx'
import { buttonClass } from '~/components/ui/button.tsx'
import type { Card } from '~/lib/board.server.ts'
import type { MoveResult } from '~/lib/board-move.server.ts'
import { formatDate, formatMoney } from '~/lib/money.ts'
import { formatShortDayInZone } from '~/lib/zoned-time.ts'

/**
 * The card's small controls (Move…, Cancel): plain words, as a 44 px tap target with the house's focus
 * ring, so a thumb on a phone hits them without making the card taller on a laptop.
 */
const controlClass =
  'inline-flex min-h-11 min-w-11 items-center justify-center rounded-md px-2 text-sm font-medium text-indigo-700 hover:bg-indigo-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none'

export interface Stage {
  stageId: string
  name: string
}

/** The board's URL with this card's picker open (`dealId`) or none open (null), other parameters kept. */
function useWithMove() {
  const [params] = useSearchParams()
  return (dealId: string | null) => {
    const next = new URLSearchParams(params)
    if (dealId) next.set('move', dealId)
    else next.delete('move')
    return `?${next}`
  }
}

/**
 * A compact board card (issue 13: a laptop sees six or more per column): name, amount and close date,
 * owner and when the next step is due (or "no next step" on an open deal, ADR 0168), and a Move… disclosure beside the facts rather than under them. Server-rendered only (a static
 * page): Move… is a link to the board with this card's picker open (`?move=`), whose form posts to the
 * board's action; public/board.js opens the same form in place instead (from the board's template),
 * makes the card draggable (the grab cursor once the board says `data-draggable-cards`) and dims it
 * (aria-busy) while its move is on its way. Only an open card
 * carries the form, so a board of many cards stays small (issue 10).
 */
export function DealCard({
  card,
  stageId,
  processId,
  stages,
  currency,
  timezone,
}: {
  card: Card
  stageId: string
  processId: string
  stages: Stage[]
  currency: string
  timezone: string
}) {
  const withMove = useWithMove()
  const [params] = useSearchParams()
  const actionData = useActionData<MoveResult>()
  const refused = actionData?.dealId === card.id ? actionData.moveError : undefined
  const open = params.get('move') === card.id
  return (
    <li
      data-deal-id={card.id}
      data-deal-name={card.name}
      className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-2 rounded-md border border-slate-200 bg-white px-3 py-1.5 text-sm shadow-sm aria-busy:opacity-60 [[data-draggable-cards]_&]:cursor-grab"
    >
      {/* discover="none": the deal route is found when a card is followed, not announced by each card.
          Below sm (a phone) the name is a 44 px tap target; on a laptop it stays one line tall. */}
      <Link
        to={`/deals/${card.id}`}
        discover="none"
        data-deal-link
        className="col-span-2 flex min-h-11 items-center font-medium text-indigo-700 underline sm:block sm:min-h-0"
      >
        {card.name}
      </Link>
      {/* The facts keep the first column when the picker is open and Move… leaves the second. */}
      <p className="col-start-1 text-slate-600 tabular-nums">
        {`${formatMoney(card.amount, currency)} · ${formatDate(card.closeDate)}`}
      </p>
      {(card.owner || card.nextDue || card.stalled) && (
        <p className="col-start-1 truncate text-slate-600">
          {card.owner}
          {card.owner && (card.nextDue || card.stalled) && ' · '}
          {card.nextDue &&
            (Date.parse(card.nextDue) < Date.now() ? (
              <span className="font-medium text-red-700">
                overdue {formatShortDayInZone(card.nextDue, timezone)}
              </span>
            ) : (
              `next ${formatShortDayInZone(card.nextDue, timezone)}`
            ))}
          {card.stalled && <span className="font-medium text-amber-800">no next step</span>}
        </p>
      )}
      {refused && <MoveError dealId={card.id} moveError={refused} />}
      {/* Beside the facts (rows 2–3 of the card's grid), so the tap target adds no height of its own.
          Hidden, not left out, while the form is open: board.js shows it again on Cancel. */}
      <a
        href={withMove(card.id)}
        hidden={open}
        data-move-open
        aria-label={`Move ${card.name}…`}
        className={`${controlClass} col-start-2 row-span-2 row-start-2 self-center`}
      >
        Move…
      </a>
      {open && <MoveForm card={card} stageId={stageId} processId={processId} stages={stages} />}
    </li>
  )
}

/**
 * A refused move on its card: the API's title, the fields the stage requires, and the deal page where
 * they are filled in. Also the board's template for board.js, which fills the `data-slot`s.
 */
export function MoveError({
  dealId,
  moveError,
}: {
  dealId: string
  moveError: NonNullable<MoveResult['moveError']>
}) {
  return (
    <div className="col-span-2 mt-1" data-move-error>
      <Alert tone="warning" className="p-2">
        <span data-slot="title">{moveError.title}</span>
        <span data-slot="fill">{moveError.labels ? `: fill in ${moveError.labels}` : ''}</span>{' '}
        <a href={`/deals/${dealId}`} className="underline">
          on the deal page
        </a>
      </Alert>
    </div>
  )
}

/**
 * The stage select + Move button, and Cancel back to the closed card. A plain form: without JavaScript
 * it posts to the board's action (the current URL); board.js sends it with fetch instead. Also rendered
 * once, for an empty card, as the board's template that board.js clones and names.
 */
export function MoveForm({
  card,
  stageId,
  processId,
  stages,
}: {
  card: Pick<Card, 'id' | 'name'>
  stageId: string
  processId: string
  stages: Stage[]
}) {
  const withMove = useWithMove()
  const selectId = `move-${card.id}`
  return (
    <form method="post" data-move-form className="col-span-2 mt-1 flex flex-wrap items-end gap-1">
      <input type="hidden" name="dealId" value={card.id} />
      <input type="hidden" name="processId" value={processId} />
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
        {stages.map((s) => (
          <option key={s.stageId} value={s.stageId}>
            {s.name}
          </option>
        ))}
      </select>
      <button type="submit" className={buttonClass.secondary} aria-label={`Move ${card.name}`}>
        Move
      </button>
      <a href={withMove(null)} data-move-cancel className={controlClass}>
        Cancel
      </a>
    </form>
  )
}
