// A stage's editable fields, shared by "Add a stage" and each stage's settings form: name, kind, win
// probability and the deal fields required to enter it (a box each), all wired to Conform.
import { getCollectionProps } from '@conform-to/react'
import { type AnyField, FormField } from '../form.tsx'
import { FormSelect } from '../sales/select-field.tsx'

export const REQUIRABLE = [
  ['amount', 'Amount'],
  ['closeDate', 'Close date'],
  ['contactId', 'Contact'],
  ['organizationId', 'Organization'],
  ['assignedUserId', 'Owner'],
  ['notes', 'Notes'],
] as const

const LABELS: Record<string, string> = Object.fromEntries(REQUIRABLE)

export function StageFields({
  fields,
  labels,
  requiredLegend,
}: {
  fields: Record<'name' | 'kind' | 'winProbability' | 'requiredFields', AnyField>
  /** The three controls' labels ("Stage name", or "New stage name" where both forms share a page). */
  labels: { name: string; kind: string; winProbability: string }
  requiredLegend: string
}) {
  const boxes = getCollectionProps(fields.requiredFields, {
    type: 'checkbox',
    options: REQUIRABLE.map(([key]) => key),
  })
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-3">
        <FormField label={labels.name} meta={fields.name} required />
        <FormSelect label={labels.kind} meta={fields.kind}>
          <option value="open">Open</option>
          <option value="won">Won</option>
          <option value="lost">Lost</option>
        </FormSelect>
        <FormField
          label={labels.winProbability}
          meta={fields.winProbability}
          type="number"
          min={0}
          max={100}
        />
      </div>
      <fieldset>
        <legend className="text-sm font-medium">{requiredLegend}</legend>
        <div className="mt-1 flex flex-wrap gap-x-4">
          {boxes.map(({ key, ...box }) => (
            <label key={key} className="inline-flex min-h-11 items-center gap-2 text-sm">
              <input {...box} className="size-5" />
              {LABELS[box.value]}
            </label>
          ))}
        </div>
      </fieldset>
    </>
  )
}
