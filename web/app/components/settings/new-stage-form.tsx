// "Add a stage" at the end of the process, wired to Conform: after a refusal the typed name, kind,
// probability and ticked fields come back, each error on its field.
import { getCollectionProps, getFormProps, useForm } from '@conform-to/react'
import type { z } from 'zod'
import type { FormReply } from '~/lib/forms.server.ts'
import type { ZAddStageForm } from '~/lib/settings-forms.server.ts'
import { Form, FormErrors, FormField, SubmitButton } from '../form.tsx'
import { IdempotencyKeyField } from '../idempotency-key.tsx'
import { FormSelect } from '../sales/select-field.tsx'
import { REQUIRABLE } from './stage-row.tsx'

const LABELS: Record<string, string> = Object.fromEntries(REQUIRABLE)

export function NewStageForm({ lastResult }: { lastResult: FormReply | undefined }) {
  const [form, fields] = useForm<z.input<typeof ZAddStageForm>>({
    id: 'new-stage',
    lastResult,
    defaultValue: { kind: 'open', winProbability: 0 },
  })
  const boxes = getCollectionProps(fields.requiredFields, {
    type: 'checkbox',
    options: REQUIRABLE.map(([key]) => key),
  })
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      noValidate
      className="mt-4 flex flex-col gap-3 border-t border-slate-200 pt-4"
      aria-labelledby="add-stage"
    >
      <h3 id="add-stage" className="font-semibold">
        Add a stage
      </h3>
      <input type="hidden" name="intent" value="add-stage" />
      <IdempotencyKeyField />
      <FormErrors errors={form.errors} />
      <div className="grid gap-3 sm:grid-cols-3">
        <FormField label="New stage name" meta={fields.name} required />
        <FormSelect label="New stage kind" meta={fields.kind}>
          <option value="open">Open</option>
          <option value="won">Won</option>
          <option value="lost">Lost</option>
        </FormSelect>
        <FormField
          label="New stage win probability %"
          meta={fields.winProbability}
          type="number"
          min={0}
          max={100}
        />
      </div>
      <fieldset>
        <legend className="text-sm font-medium">Required to enter the new stage</legend>
        <div className="mt-1 flex flex-wrap gap-x-4">
          {boxes.map(({ key, ...box }) => (
            <label key={key} className="inline-flex min-h-11 items-center gap-2 text-sm">
              <input {...box} className="size-5" />
              {LABELS[box.value]}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <SubmitButton>Add stage</SubmitButton>
      </div>
    </Form>
  )
}
