import { Form } from '@remix-run/react'
import { buttonClass } from '~/components/ui/button.tsx'
import { ORGANIZATION_NAME } from '~/lib/organization-filter.ts'
import type { Member, Process } from '~/lib/sales.server.ts'
import { SelectField } from './select-field.tsx'

const input =
  'min-h-11 w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 text-base text-slate-900 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none'

function Text({
  label,
  name,
  value,
  ...rest
}: { label: string; name: string; value?: string | undefined } & Omit<
  React.ComponentProps<'input'>,
  'value'
>) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={`filter-${name}`} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <input id={`filter-${name}`} name={name} defaultValue={value} className={input} {...rest} />
    </div>
  )
}

/** The F8.3 filters as a plain GET form: the URL is the state, so filtered lists can be shared. */
export function DealFilters({
  values,
  processes,
  members,
  organizationName,
}: {
  values: Record<string, string>
  processes: Process[]
  members: Member[] | null
  /** The filtered organization's name, in the box as it was typed. */
  organizationName: string | undefined
}) {
  return (
    <Form
      method="get"
      className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4"
      aria-label="Filter deals"
    >
      <Text label="Search" name="q" type="search" value={values.q} />
      <SelectField
        label="Process"
        name="processId"
        id="filter-processId"
        defaultValue={values.processId ?? ''}
      >
        <option value="">Any process</option>
        {processes.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <SelectField label="Stage" name="stageId" id="filter-stageId" defaultValue={values.stageId ?? ''}>
        <option value="">Any stage</option>
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
      {members && (
        <SelectField
          label="Owner"
          name="assignedUserId"
          id="filter-assignedUserId"
          defaultValue={values.assignedUserId ?? ''}
        >
          <option value="">Anyone</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name ?? m.email}
            </option>
          ))}
        </SelectField>
      )}
      <SelectField label="Status" name="status" id="filter-status" defaultValue={values.status ?? ''}>
        <option value="">Any status</option>
        <option value="open">Open</option>
        <option value="won">Won</option>
        <option value="lost">Lost</option>
      </SelectField>
      {/* A name, not a select of every organization (lib/organization-filter.server.ts). */}
      <Text
        label="Organization"
        name={ORGANIZATION_NAME}
        type="search"
        value={organizationName}
        autoComplete="off"
      />
      <fieldset className="grid min-w-0 grid-cols-2 gap-2">
        <legend className="sr-only">Probability range</legend>
        <Text
          label="Min probability %"
          name="minProbability"
          type="number"
          min={0}
          max={100}
          value={values.minProbability}
        />
        <Text
          label="Max probability %"
          name="maxProbability"
          type="number"
          min={0}
          max={100}
          value={values.maxProbability}
        />
      </fieldset>
      <fieldset className="grid min-w-0 grid-cols-2 gap-2">
        <legend className="sr-only">Close date range</legend>
        <Text label="Closes from" name="closeDateFrom" type="date" value={values.closeDateFrom} />
        <Text label="Closes to" name="closeDateTo" type="date" value={values.closeDateTo} />
      </fieldset>
      <fieldset className="grid min-w-0 grid-cols-2 gap-2">
        <legend className="sr-only">Order</legend>
        <SelectField label="Sort by" name="sort" id="filter-sort" defaultValue={values.sort ?? ''}>
          <option value="">Last update</option>
          <option value="createdAt">Creation</option>
          <option value="closeDate">Close date</option>
          <option value="amount">Amount</option>
        </SelectField>
        <SelectField
          label="Direction"
          name="direction"
          id="filter-direction"
          defaultValue={values.direction ?? ''}
        >
          <option value="">Descending</option>
          <option value="asc">Ascending</option>
        </SelectField>
      </fieldset>
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonClass.primary}>
          Apply filters
        </button>
        <a href="/deals" className={buttonClass.secondary}>
          Clear
        </a>
      </div>
    </Form>
  )
}
