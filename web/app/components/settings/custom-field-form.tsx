import type { FormResult } from '~/lib/forms.server.ts'
import { Field, Form, FormError, SubmitButton } from '../form.tsx'
import { IdempotencyKeyField } from '../idempotency-key.tsx'
import { cardClass, SelectField } from '../sales/select-field.tsx'

/** "Define a field": record type, key, label, type, options (select only), required. */
export function CustomFieldForm({
  result,
  entities,
}: {
  result: FormResult | undefined
  entities: readonly (readonly [string, string])[]
}) {
  const v = result?.values ?? {}
  const e = result?.fieldErrors ?? {}
  return (
    <Form method="post" noValidate className={`${cardClass} flex flex-col gap-4`}>
      <h2 className="text-lg font-semibold">Define a field</h2>
      <input type="hidden" name="intent" value="create" />
      <IdempotencyKeyField />
      <FormError message={result?.formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Record type" name="entity" defaultValue={v.entity ?? 'contact'} error={e.entity}>
          {entities.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField label="Field type" name="type" defaultValue={v.type ?? 'text'} error={e.type}>
          <option value="text">Text</option>
          <option value="number">Number</option>
          <option value="date">Date</option>
          <option value="select">Choice list</option>
        </SelectField>
        <Field label="Label" name="label" required defaultValue={v.label ?? ''} error={e.label} />
        <Field
          label="Key"
          name="key"
          required
          hint="snake_case, e.g. linkedin_url"
          defaultValue={v.key ?? ''}
          error={e.key}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="cf-options" className="text-sm font-medium text-slate-800">
          Choices (for a choice list, one per line)
        </label>
        <textarea
          id="cf-options"
          name="options"
          rows={3}
          defaultValue={v.options ?? ''}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-base"
        />
        {e.options && <p className="text-sm text-red-700">{e.options}</p>}
      </div>
      <label className="inline-flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" name="required" defaultChecked={v.required === 'on'} className="size-5" />
        Required
      </label>
      <div>
        <SubmitButton>Define field</SubmitButton>
      </div>
    </Form>
  )
}
