// The bulk change of a list (issue 13, ADR 0158), the parts deals and contacts share. Plain HTML, works
// without JavaScript: the list's rows carry tick boxes that belong to the bulk form by `form=` (the table
// stays one table), the form says which records (ticked, or all the filters match) and what to do, and
// Review posts to the bulk page, which says the change as a sentence with Confirm and Cancel.
import { Form, Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { FormErrors } from '~/components/form.tsx'
import { buttonClass } from './button.tsx'
import type { Column } from './data-table.tsx'

/** A row's tick box for the bulk form (outside the form in the markup, inside it by `form=`). */
export const bulkSelectColumn = <Row extends { id: string }>(
  formId: string,
  name: (row: Row) => string,
): Column<Row> => ({
  header: 'Select',
  headerHidden: true,
  className: 'sm:w-10',
  cell: (row) => (
    <input
      type="checkbox"
      name="ids"
      value={row.id}
      form={formId}
      aria-label={`Select ${name(row)}`}
      className="size-5"
    />
  ),
})

/** One thing the bulk form can do; `…` in the label says the bulk page asks for its target (owner, stage). */
export interface BulkActionChoice {
  value: string
  label: string
}

/**
 * The list's bulk form: which records (ticked, or — without a search, which answers a bounded set — every
 * one the filters match, up to `limit`) and one button per action. No select: the action's target is asked
 * on the bulk page, so a list of a thousand rows does not carry every owner and stage in its markup.
 */
export function BulkBar({
  id,
  path,
  noun,
  filters,
  limit,
  actions,
}: {
  id: string
  /** The list's path: the form posts to `${path}/bulk`. */
  path: string
  /** The records, plural ("deals"). */
  noun: string
  /** The list's filters now; `q` (the search) is not a bulk filter, nor the order. */
  filters: Record<string, string>
  limit: number
  actions: BulkActionChoice[]
}) {
  const { q: _search, sort: _sort, direction: _direction, ...filter } = filters
  return (
    <Form
      id={id}
      method="post"
      action={`${path}/bulk`}
      aria-label={`Change several ${noun}`}
      className="flex flex-col gap-2 rounded-md border border-slate-200 bg-white p-3"
    >
      <input type="hidden" name="intent" value="review" />
      <input type="hidden" name="list" value={new URLSearchParams(filters).toString()} />
      {Object.entries(filter).map(([k, v]) => (
        <input key={k} type="hidden" name={`filter.${k}`} value={v} />
      ))}
      <fieldset className="flex flex-wrap gap-x-4 text-sm">
        <legend className="sr-only">Which {noun}</legend>
        <label className="inline-flex min-h-11 items-center gap-2">
          <input type="radio" name="scope" value="selected" defaultChecked className="size-4" />
          The {noun} ticked below
        </label>
        {!filters.q && (
          <label className="inline-flex min-h-11 items-center gap-2">
            <input type="radio" name="scope" value="all" className="size-4" />
            All {noun} matching these filters (up to {limit})
          </label>
        )}
      </fieldset>
      <div className="flex flex-wrap gap-2">
        {actions.map((a) => (
          <button key={a.value} type="submit" name="action" value={a.value} className={buttonClass.secondary}>
            {a.label}
          </button>
        ))}
      </div>
    </Form>
  )
}

type Values = Record<string, unknown>

/** The values again, as hidden fields, for the next post: the review's (to apply) or a choice's (to review). */
function Carried({ values, intent }: { values: Values; intent: 'review' | 'apply' }) {
  const fields: [string, string][] = [['intent', intent]]
  for (const [k, v] of Object.entries(values)) {
    if (k === 'intent' || v === undefined || v === null) continue
    if (k === 'ids' && Array.isArray(v)) {
      for (const [i, id] of v.entries()) fields.push([`ids[${i}]`, String(id)])
    } else if (k === 'filter' && typeof v === 'object') {
      for (const [f, fv] of Object.entries(v)) if (fv !== undefined) fields.push([`filter.${f}`, String(fv)])
    } else fields.push([k, String(v)])
  }
  return fields.map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)
}

export type BulkResult<C> =
  | { review: { count: string; what: string }; values: Values }
  | { choose: { action: string; choices: C }; values: Values }
  | { error?: Record<string, unknown> | null; initialValue?: Record<string, unknown> | null }
  | undefined

/** "the 2 ticked deals" or "all deals matching the list's filters", for the question of a choice. */
function which(values: Values, noun: [string, string]) {
  if (values.scope === 'all') return `all ${noun[1]} matching the list’s filters`
  const ids = Array.isArray(values.ids) ? values.ids : values.ids ? [values.ids] : []
  return ids.length === 1 ? `the ticked ${noun[0]}` : `the ${ids.length} ticked ${noun[1]}`
}

/** The way back to the list the change started from, on its first page. */
function backTo(path: string, list: unknown) {
  const params = new URLSearchParams(typeof list === 'string' ? list : '')
  params.delete('cursor')
  return params.size ? `${path}?${params}` : path
}

const panelClass = 'flex flex-col gap-4 rounded-md border border-slate-200 bg-white p-4'

/**
 * The bulk page: the question for the action's target (`choose`, e.g. the new owner's select), the review
 * (the change as a sentence, Confirm and Cancel) or, for a refusal (the form's or the API's, every message,
 * as the list's form is on another page), the messages and the way back.
 */
export function BulkChangePage<C>({
  title,
  path,
  noun,
  result,
  sentence,
  choose,
}: {
  title: string
  path: string
  /** The records, singular and plural. */
  noun: [string, string]
  result: BulkResult<C>
  sentence: (review: { count: string; what: string }) => string
  /** The target's field for an action ("Reassign the 2 ticked deals to"), from the action's choices. */
  choose: (choices: C, which: string) => ReactNode
}) {
  const cancel = (list: unknown) => (
    <Link to={backTo(path, list)} className={buttonClass.secondary}>
      Cancel
    </Link>
  )
  let body: ReactNode
  if (result && 'choose' in result) {
    body = (
      <Form method="post" className={panelClass}>
        {choose(result.choose.choices, which(result.values, noun))}
        <Carried values={result.values} intent="review" />
        <div className="flex flex-wrap gap-2">
          <button type="submit" className={buttonClass.primary}>
            Review the change
          </button>
          {cancel(result.values.list)}
        </div>
      </Form>
    )
  } else if (result && 'review' in result) {
    body = (
      <Form method="post" className={panelClass}>
        <p className="text-base font-medium" id="bulk-summary">
          {sentence(result.review)}
        </p>
        <p className="text-sm text-slate-700">
          {result.values.scope === 'all'
            ? `These are all the ${noun[1]} your filters match now that you may change. `
            : ''}
          It happens in one step: if any of them cannot be changed, none is. Each change is recorded in the
          audit log.
        </p>
        <Carried values={result.values} intent="apply" />
        <div className="flex flex-wrap gap-2">
          <button
            type="submit"
            aria-describedby="bulk-summary"
            className={result.review.what === 'delete' ? buttonClass.danger : buttonClass.primary}
          >
            Confirm
          </button>
          {cancel(result.values.list)}
        </div>
      </Form>
    )
  } else {
    const refused = result
      ? Object.values(result.error ?? {}).flat()
      : [`Choose the ${noun[1]} to change on the ${noun[1]} list first.`]
    body = (
      <div className="flex flex-col gap-3">
        <FormErrors errors={refused.filter((m): m is string => typeof m === 'string')} />
        <Link to={backTo(path, result?.initialValue?.list)} className="text-indigo-700 underline">
          Back to the {noun[1]}
        </Link>
      </div>
    )
  }
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      {body}
    </div>
  )
}
