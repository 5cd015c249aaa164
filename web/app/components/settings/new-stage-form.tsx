// "Add a stage" at the end of the process, wired to Conform: after a refusal the typed name, kind,
// probability and ticked fields come back, each error on its field.
import { getFormProps, useForm } from '@conform-to/react'
import type { z } from 'zod'
import type { FormReply } from '~/lib/forms.server.ts'
import type { ZAddStageForm } from '~/lib/settings-forms.server.ts'
import { Form, FormErrors, SubmitButton } from '../form.tsx'
import { IdempotencyKeyField } from '../idempotency-key.tsx'
import { StageFields } from './stage-fields.tsx'

export function NewStageForm({ lastResult }: { lastResult: FormReply | undefined }) {
  const [form, fields] = useForm<z.input<typeof ZAddStageForm>>({
    id: 'new-stage',
    lastResult,
    defaultValue: { kind: 'open', winProbability: 0 },
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
      <StageFields
        fields={fields}
        labels={{
          name: 'New stage name',
          kind: 'New stage kind',
          winProbability: 'New stage win probability %',
        }}
        requiredLegend="Required to enter the new stage"
      />
      <div>
        <SubmitButton>Add stage</SubmitButton>
      </div>
    </Form>
  )
}
