import { type AnyField, FormField } from './form.tsx'

/**
 * The password input of every account form, with the autocomplete token that tells password managers what
 * to do: fill the saved one (`current`) or offer to generate and save a new one (`new`). Its value never
 * comes back after a refused submission (the action does not send passwords back).
 */
export function PasswordField({
  meta,
  purpose,
  label = 'Password',
  hint,
}: {
  meta: AnyField
  purpose: 'current' | 'new'
  label?: string
  hint?: string
}) {
  return (
    <FormField
      label={label}
      meta={meta}
      type="password"
      autoComplete={`${purpose}-password`}
      required
      {...(hint ? { hint } : {})}
    />
  )
}
