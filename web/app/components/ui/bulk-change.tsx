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

/**
 * The list's bulk form: which records (ticked, or — without a search, which answers a bounded set — every
 * one the filters match, up to `limit`), the record type's own choices (`children`), and Review.
 */
export function BulkBar({
  id,
  path,
  noun,
  filters,
  limit,
  children,
}: {
  id: string
  /** The list's path: the form posts to `${path}/bulk`. */
  path: string
  /** The records, plural ("deals"). */
  noun: string
  /** The list's filters now; `q` (the search) is not a bulk filter, nor the order. */
  filters: Record<string, string>
  limit: number
  children: ReactNode
}) {
  const { q: _search, sort: _sort, direction: _direction, ...filter } = filters
  return (
    <Form
      id={id}
      method="post"
      action={`${path}/bulk`}
      aria-label={`Change several ${noun}`}
      className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-3"
    >
      <input type="hidden" name="intent" value="review" />
      <input type="hidden" name="list" value={new URLSearchParams(filters).toString()} />
      {Object.entries(filter).map(([k, v]) => (
        <input key={k} type="hidden" name={`filter.${k}`} value={v} />
      ))}
      <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
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
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">{children}</div>
      <div>
        <button type="submit" className={buttonClass.secondary}>
          Review the change
        </button>
      </div>
    </Form>
  )
}

type Values = Record<string, unknown> & { action: string; scope: string; list?: string }

/** The reviewed values again, as hidden fields, for the confirming post. */
function Carried({ values }: { values: Values }) {
  const fields: [string, string][] = [['intent', 'apply']]
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

export type BulkResult =
  | { review: { count: string; what: string }; values: Values }
  | { error?: Record<string, unknown> | null; initialValue?: Record<string, unknown> | null }
  | undefined

/**
 * The bulk page: the review (the change as a sentence, Confirm and Cancel) or, for a refusal (the form's or
 * the API's, every message, as the list's form is on another page), the messages and the way back.
 */
export function BulkChangePage({
  title,
  path,
  noun,
  result,
  sentence,
}: {
  title: string
  path: string
  /** The records, plural ("deals"). */
  noun: string
  result: BulkResult
  sentence: (review: { count: string; what: string }) => string
}) {
  const refused = !result
    ? [`Choose the ${noun} to change on the ${noun} list first.`]
    : 'review' in result
      ? []
      : Object.values(result.error ?? {}).flat()
  const review = result && 'review' in result ? result : null
  const typedList = result && !('review' in result) ? result.initialValue?.list : undefined
  const back = (list: unknown) => {
    const params = new URLSearchParams(typeof list === 'string' ? list : '')
    params.delete('cursor')
    return params.size ? `${path}?${params}` : path
  }
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      {review ? (
        <Form method="post" className="flex flex-col gap-4 rounded-md border border-slate-200 bg-white p-4">
          <p className="text-base font-medium" id="bulk-summary">
            {sentence(review.review)}
          </p>
          <p className="text-sm text-slate-700">
            {review.values.scope === 'all'
              ? `These are all the ${noun} your filters match now that you may change. `
              : ''}
            It happens in one step: if any of them cannot be changed, none is. Each change is recorded in the
            audit log.
          </p>
          <Carried values={review.values} />
          <div className="flex flex-wrap gap-2">
            <button
              type="submit"
              aria-describedby="bulk-summary"
              className={review.review.what === 'delete' ? buttonClass.danger : buttonClass.primary}
            >
              Confirm
            </button>
            <Link to={back(review.values.list)} className={buttonClass.secondary}>
              Cancel
            </Link>
          </div>
        </Form>
      ) : (
        <div className="flex flex-col gap-3">
          <FormErrors errors={refused.filter((m): m is string => typeof m === 'string')} />
          <Link to={back(typedList)} className="text-indigo-700 underline">
            Back to the {noun}
          </Link>
        </div>
      )}
    </div>
  )
}
