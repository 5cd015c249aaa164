// The "confirm it is you" step of a sensitive form (see lib/step-up.server.ts): the code field plus the
// original form's values in hidden fields, so verifying also re-submits the operation in one go.
import { Field, Form, FormError, SubmitButton } from './form.tsx'

/** What an action answers when the operation waits for the emailed code (lib/step-up.server.ts). */
export interface StepUpResult {
  stepUp: { values: Record<string, string>; codeError?: string; formError?: string }
}

export function isStepUp(result: unknown): result is StepUpResult {
  return typeof result === 'object' && result !== null && 'stepUp' in result
}

export function StepUpForm({
  values,
  codeError,
  formError,
  action,
  submitLabel = 'Verify and save',
}: {
  values: Record<string, string>
  codeError?: string | undefined
  formError?: string | undefined
  /** Another route's action (a resource route such as a download): posted as a full document. */
  action?: string
  submitLabel?: string
}) {
  const hidden = Object.entries(values).map(([name, value]) => (
    <input key={name} type="hidden" name={name} value={value} />
  ))
  return (
    <section
      aria-labelledby="step-up-title"
      className="flex flex-col gap-4 rounded-md border border-amber-300 bg-amber-50 p-4"
    >
      <h2 id="step-up-title" className="text-lg font-semibold">
        Confirm it is you
      </h2>
      <p role="status" className="text-sm text-slate-800">
        We emailed you a code. Enter it to finish this change; it is valid for 10 minutes.
      </p>
      <FormError message={formError} />
      <Form
        method="post"
        action={action}
        reloadDocument={!!action}
        className="flex flex-col gap-3"
        noValidate
      >
        {hidden}
        <Field
          label="Verification code"
          name="stepUpCode"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          required
          error={codeError}
        />
        <div>
          <SubmitButton>{submitLabel}</SubmitButton>
        </div>
      </Form>
      <Form method="post" action={action} reloadDocument={!!action}>
        {hidden}
        <button
          type="submit"
          className="min-h-11 rounded-md px-2 text-sm font-medium text-indigo-700 underline hover:text-indigo-900 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
        >
          Send a new code
        </button>
      </Form>
    </section>
  )
}
