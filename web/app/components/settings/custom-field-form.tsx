import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { cardClass } from '~/components/ui/card.ts'
import type { FormReply } from '~/lib/forms.server.ts'
import { Form, FormErrors, FormField, SubmitButton, TextAreaField } from '../form.tsx'
import { IdempotencyKeyField } from '../idempotency-key.tsx'
import { FormSelect } from '../sales/select-field.tsx'

/** "Define a field": record type, key, label, type, options (select only), required. */
export function CustomFieldForm({
  result,
  entities,
}: {
  result: FormReply | undefined
  entities: readonly (readonly [string, string])[]
}) {
  const [form, fields] = useForm<
    Record<'entity' | 'type' | 'label' | 'key' | 'options' | 'required', string>
  >({
    id: 'custom-field',
    lastResult: result,
    defaultValue: { entity: 'contact', type: 'text' },
  })
  return (
    <Form method="post" {...getFormProps(form)} noValidate className={`${cardClass} flex flex-col gap-4`}>
      <h2 className="text-lg font-semibold">Define a field</h2>
      <input type="hidden" name="intent" value="create" />
      <IdempotencyKeyField />
      <FormErrors errors={form.errors} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormSelect label="Record type" meta={fields.entity}>
          {entities.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </FormSelect>
        <FormSelect label="Field type" meta={fields.type}>
          <option value="text">Text</option>
          <option value="number">Number</option>
          <option value="date">Date</option>
          <option value="select">Choice list</option>
        </FormSelect>
        <FormField label="Label" meta={fields.label} required />
        <FormField label="Key" meta={fields.key} required hint="snake_case, e.g. linkedin_url" />
      </div>
      <TextAreaField label="Choices (for a choice list, one per line)" meta={fields.options} />
      <label className="inline-flex min-h-11 items-center gap-2 text-sm">
        <input {...getInputProps(fields.required, { type: 'checkbox' })} className="size-5" />
        Required
      </label>
      <div>
        <SubmitButton>Define field</SubmitButton>
      </div>
    </Form>
  )
}
