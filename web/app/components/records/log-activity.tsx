// "Log activity" right on the contact page (F10.1): type, subject, what happened, and when (the
// workspace's wall clock; empty means now).
import { Field, Form, FormError, SubmitButton } from '../form.tsx'
import { IdempotencyKeyField } from '../idempotency-key.tsx'
import { SelectField } from '../sales/select-field.tsx'

export function LogActivityForm({
  values = {},
  errors = {},
  formError,
  deals,
  timezone,
}: {
  values?: Record<string, string> | undefined
  errors?: Record<string, string> | undefined
  formError?: string | undefined
  deals: { id: string; name: string }[]
  timezone: string
}) {
  return (
    <Form method="post" noValidate className="flex flex-col gap-3" aria-labelledby="log-activity">
      <h2 id="log-activity" className="text-lg font-semibold">
        Log activity
      </h2>
      <input type="hidden" name="intent" value="log-activity" />
      <IdempotencyKeyField />
      <FormError message={formError} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label="Type" name="type" defaultValue={values.type ?? 'call'} error={errors.type}>
          <option value="call">Call</option>
          <option value="email">Email</option>
          <option value="meeting">Meeting</option>
          <option value="note">Note</option>
        </SelectField>
        <Field
          label="When"
          name="occurredAt"
          type="datetime-local"
          hint={`Leave empty for now (${timezone}).`}
          defaultValue={values.occurredAt ?? ''}
          error={errors.occurredAt}
        />
      </div>
      <Field label="Subject" name="subject" defaultValue={values.subject ?? ''} error={errors.subject} />
      <div className="flex flex-col gap-1">
        <label htmlFor="field-description" className="text-sm font-medium text-slate-800">
          Description
        </label>
        <textarea
          id="field-description"
          name="description"
          rows={3}
          required
          defaultValue={values.description ?? ''}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={errors.description ? 'field-description-error' : undefined}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-base aria-invalid:border-red-600"
        />
        {errors.description && (
          <p id="field-description-error" className="text-sm text-red-700">
            {errors.description}
          </p>
        )}
      </div>
      {deals.length > 0 && (
        <SelectField
          label="About deal"
          name="dealId"
          defaultValue={values.dealId ?? ''}
          error={errors.dealId}
        >
          <option value="">No deal</option>
          {deals.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </SelectField>
      )}
      <div>
        <SubmitButton>Log activity</SubmitButton>
      </div>
    </Form>
  )
}
