// The deals list's bulk form (issue 13): tick rows (their checkboxes belong to this form by `form=`), or
// choose every deal the filters match, pick what to do, then Review — the next page says exactly what will
// change before anything does. Plain HTML: works without JavaScript.
import { Form } from '@remix-run/react'
import { buttonClass } from '~/components/ui/button.tsx'
import type { Member, Process } from '~/lib/sales.server.ts'
import { SelectField } from './select-field.tsx'

export const BULK_FORM_ID = 'deals-bulk'

export function DealBulkBar({
  filters,
  processes,
  members,
  limit,
}: {
  /** The list's filters now (a name search is not one: see ZDealFilter). */
  filters: Record<string, string>
  processes: Process[]
  /** Null for reps: only managers and admins reassign. */
  members: Member[] | null
  limit: number
}) {
  const { q: _name, ...filter } = filters
  return (
    <Form
      id={BULK_FORM_ID}
      method="post"
      action="/deals/bulk"
      aria-label="Change several deals"
      className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-3"
    >
      <input type="hidden" name="intent" value="review" />
      <input type="hidden" name="list" value={new URLSearchParams(filters).toString()} />
      {Object.entries(filter).map(([k, v]) => (
        <input key={k} type="hidden" name={`filter.${k}`} value={v} />
      ))}
      <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <legend className="sr-only">Which deals</legend>
        <label className="inline-flex min-h-11 items-center gap-2">
          <input type="radio" name="scope" value="selected" defaultChecked className="size-4" />
          The deals ticked below
        </label>
        {!filters.q && (
          <label className="inline-flex min-h-11 items-center gap-2">
            <input type="radio" name="scope" value="all" className="size-4" />
            All deals matching these filters (up to {limit})
          </label>
        )}
      </fieldset>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <SelectField label="Change" name="action" id="bulk-action" defaultValue="">
          <option value="">Choose…</option>
          {members && <option value="reassign">Reassign to…</option>}
          <option value="move">Move to stage…</option>
          <option value="delete">Delete</option>
        </SelectField>
        {members && (
          <SelectField label="New owner (reassign)" name="assignedUserId" id="bulk-owner" defaultValue="">
            <option value="">—</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name ?? m.email}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField label="Stage (move)" name="stageId" id="bulk-stage" defaultValue="">
          <option value="">—</option>
          {processes.map((p) => (
            <optgroup key={p.id} label={p.name}>
              {p.stages.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
      </div>
      <div>
        <button type="submit" className={buttonClass.secondary}>
          Review the change
        </button>
      </div>
    </Form>
  )
}
