// The top of a deal page (issue 13): where the deal stands and the one-tap ways on. An open deal shows its
// process's open stages as a strip, each a plain submit button (one tap moves it, without JavaScript too),
// then "Won" and "Lost…" (a reason from the process's list). A closed deal says how it ended and reopens
// only through "Reopen…", which names the stage it goes back to (ADR 0163).
import { Form } from '@remix-run/react'
import type { FormReply } from '~/lib/forms.server.ts'
import type { Process } from '~/lib/sales.server.ts'
import { formatDayInZone } from '~/lib/zoned-time.ts'
import { FormErrors, SubmitButton } from '../form.tsx'
import { buttonClass } from '../ui/button.tsx'
import { DEAL_DETAILS } from './deal-edit-forms.tsx'
import { fieldLabels } from './stage-select.tsx'

interface DealState {
  processId: string
  stageId: string
  stageName: string
  status: 'open' | 'won' | 'lost'
  closedAt: string | null
  lostReason: string | null
}

type Stage = Process['stages'][number]
type Reason = { id: string; label: string }

const outcome =
  'inline-flex min-h-11 cursor-pointer items-center rounded-md border bg-white px-4 text-sm font-medium focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none'

const chip =
  'flex min-h-11 w-full items-center justify-between gap-2 rounded-md border px-3 text-left text-sm focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none'

export function DealProgress({
  deal,
  process,
  reasons,
  lastResult,
  timezone,
}: {
  deal: DealState
  process: Process | undefined
  reasons: Reason[]
  lastResult: FormReply | undefined
  /** The reader's zone (ADR 0164): the day a deal closed is that instant's day there. */
  timezone: string
}) {
  const stages = process?.stages ?? []
  const open = stages.filter((s) => s.kind === 'open')
  const won = stages.find((s) => s.kind === 'won')
  const lost = stages.find((s) => s.kind === 'lost')
  const value = (s: Stage) => `${deal.processId}/${s.id}`
  return (
    <section aria-labelledby="progress-heading" className="flex flex-col gap-3">
      <h2 id="progress-heading" className="sr-only">
        Stage
      </h2>
      <MoveErrors lastResult={lastResult} />
      {deal.status === 'open' ? (
        <>
          <Form method="post" aria-label="Move to stage">
            <input type="hidden" name="intent" value="move" />
            <ol className="grid grid-cols-2 gap-2 sm:flex">
              {open.map((s) => {
                const here = s.id === deal.stageId
                return (
                  <li key={s.id} className="sm:flex-1">
                    <button
                      type="submit"
                      name="stage"
                      value={value(s)}
                      aria-current={here ? 'step' : undefined}
                      className={`${chip} ${here ? 'border-indigo-600 bg-indigo-600 font-semibold text-white' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100'}`}
                    >
                      <span className="min-w-0 break-words">{s.name}</span>
                      <span className={here ? 'text-indigo-100' : 'text-slate-500'}>{s.winProbability}%</span>
                    </button>
                  </li>
                )
              })}
            </ol>
          </Form>
          <div className="flex flex-wrap items-start gap-2">
            {won && (
              <Form method="post">
                <input type="hidden" name="intent" value="move" />
                <button
                  type="submit"
                  name="stage"
                  value={value(won)}
                  className={`${outcome} border-emerald-600 text-emerald-800 hover:bg-emerald-50`}
                >
                  Won
                </button>
              </Form>
            )}
            {lost && <LostDisclosure stage={value(lost)} reasons={reasons} />}
          </div>
        </>
      ) : (
        <Closed deal={deal} open={open} value={value} timezone={timezone} />
      )}
    </section>
  )
}

/**
 * A refused move: its message, and each field the stage requires linked to its input in the details (the
 * link opens them: they are rendered only when asked for).
 */
function MoveErrors({ lastResult }: { lastResult: FormReply | undefined }) {
  const required = Object.entries(lastResult?.error ?? {}).flatMap(([field, messages]) =>
    field && !['stage', 'reopen', 'lostReasonId'].includes(field) && messages ? [field] : [],
  )
  if (!lastResult?.error) return null
  return (
    <div>
      <FormErrors errors={lastResult.error['']?.slice(0, 1)} />
      {required.length > 0 && (
        <p className="text-sm text-red-700">
          Fill in first:{' '}
          {required.map((field, i) => (
            <span key={field}>
              {i > 0 && ', '}
              <a href={`?open=${DEAL_DETAILS}#deal-details-${field}`} className="underline">
                {fieldLabels([field])}
              </a>
            </span>
          ))}
        </p>
      )}
    </div>
  )
}

function LostDisclosure({ stage, reasons }: { stage: string; reasons: Reason[] }) {
  return (
    <details className="group">
      <summary className={`${outcome} border-red-300 text-red-800 hover:bg-red-50`}>Lost…</summary>
      <Form
        method="post"
        className="mt-2 flex flex-wrap items-end gap-2 rounded-md border border-slate-200 p-3"
      >
        <input type="hidden" name="intent" value="move" />
        <input type="hidden" name="stage" value={stage} />
        {reasons.length > 0 && (
          <div className="flex flex-col gap-1">
            <label htmlFor="lost-reason" className="text-sm font-medium text-slate-800">
              Why was it lost?
            </label>
            <select
              id="lost-reason"
              name="lostReasonId"
              required
              className="min-h-11 rounded-md border border-slate-300 bg-white px-3 text-base"
            >
              <option value="">Choose a reason</option>
              {reasons.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </select>
          </div>
        )}
        <SubmitButton>Mark as lost</SubmitButton>
      </Form>
    </details>
  )
}

function Closed({
  deal,
  open,
  value,
  timezone,
}: {
  deal: DealState
  open: Stage[]
  value: (s: Stage) => string
  timezone: string
}) {
  const won = deal.status === 'won'
  return (
    <div className="flex flex-wrap items-start justify-between gap-3">
      <p
        className={`rounded-md px-3 py-2 text-sm font-medium ${won ? 'bg-emerald-50 text-emerald-900' : 'bg-red-50 text-red-900'}`}
      >
        {won ? 'Won' : 'Lost'}
        {deal.closedAt && <> on {formatDayInZone(deal.closedAt, timezone)}</>}
        {!won && deal.lostReason && <> · {deal.lostReason}</>}
        {` (${deal.stageName})`}
      </p>
      {open.length > 0 && (
        <details>
          <summary className={`${buttonClass.secondary} cursor-pointer`}>Reopen…</summary>
          <Form
            method="post"
            className="mt-2 flex flex-wrap items-end gap-2 rounded-md border border-slate-200 p-3"
          >
            <input type="hidden" name="intent" value="move" />
            <input type="hidden" name="reopen" value="1" />
            <div className="flex flex-col gap-1">
              <label htmlFor="reopen-stage" className="text-sm font-medium text-slate-800">
                Back to stage
              </label>
              <select
                id="reopen-stage"
                name="stage"
                defaultValue={value(open[open.length - 1] as Stage)}
                className="min-h-11 rounded-md border border-slate-300 bg-white px-3 text-base"
              >
                {open.map((s) => (
                  <option key={s.id} value={value(s)}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
            <SubmitButton>Reopen deal</SubmitButton>
          </Form>
        </details>
      )}
    </div>
  )
}
