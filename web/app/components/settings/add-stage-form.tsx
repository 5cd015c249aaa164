import { Form, FormError, SubmitButton } from '../form.tsx'
import { IdempotencyKeyField } from '../idempotency-key.tsx'
import { REQUIRABLE } from './stage-row.tsx'

const input =
  'min-h-11 rounded-md border border-slate-300 bg-white px-2 text-base aria-invalid:border-red-600'

/** Adds a stage at the end of the process. */
export function AddStageForm({
  failure,
}: {
  failure?:
    | { formError?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> }
    | undefined
}) {
  const errors = failure?.fieldErrors ?? {}
  return (
    <Form
      method="post"
      noValidate
      className="mt-4 flex flex-col gap-3 border-t border-slate-200 pt-4"
      aria-labelledby="add-stage"
    >
      <h3 id="add-stage" className="font-semibold">
        Add a stage
      </h3>
      <input type="hidden" name="intent" value="add-stage" />
      <IdempotencyKeyField />
      <FormError message={failure?.formError} />
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="new-stage-name" className="text-sm font-medium">
            New stage name
          </label>
          <input
            id="new-stage-name"
            name="name"
            required
            defaultValue={failure?.values?.name ?? ''}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? 'new-stage-name-error' : undefined}
            className={input}
          />
          {errors.name && (
            <p id="new-stage-name-error" className="text-sm text-red-700">
              {errors.name}
            </p>
          )}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="new-stage-kind" className="text-sm font-medium">
            New stage kind
          </label>
          <select
            id="new-stage-kind"
            name="kind"
            defaultValue={failure?.values?.kind ?? 'open'}
            className={input}
          >
            <option value="open">Open</option>
            <option value="won">Won</option>
            <option value="lost">Lost</option>
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="new-stage-prob" className="text-sm font-medium">
            New stage win probability %
          </label>
          <input
            id="new-stage-prob"
            name="winProbability"
            type="number"
            min={0}
            max={100}
            defaultValue={failure?.values?.winProbability ?? '0'}
            aria-invalid={errors.winProbability ? true : undefined}
            aria-describedby={errors.winProbability ? 'new-stage-prob-error' : undefined}
            className={input}
          />
          {errors.winProbability && (
            <p id="new-stage-prob-error" className="text-sm text-red-700">
              {errors.winProbability}
            </p>
          )}
        </div>
      </div>
      <fieldset>
        <legend className="text-sm font-medium">Required to enter the new stage</legend>
        <div className="mt-1 flex flex-wrap gap-x-4">
          {REQUIRABLE.map(([key, label]) => (
            <label key={key} className="inline-flex min-h-11 items-center gap-2 text-sm">
              <input type="checkbox" name="requiredFields" value={key} className="size-5" />
              {label}
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
