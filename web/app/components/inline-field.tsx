import type { ComponentProps } from 'react'

/**
 * A compact labelled input for forms repeated on one page (one per table row), where ids must be unique:
 * the caller passes the id. Errors are tied to the input with aria-describedby, as in `Field`.
 */
export function InlineField({
  id,
  label,
  error,
  ...input
}: { id: string; label: string; error?: string | undefined } & ComponentProps<'input'>) {
  return (
    <div className="flex min-w-36 flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="min-h-11 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 aria-invalid:border-red-600"
        {...input}
      />
      {error && (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  )
}

const BUTTON_STYLES = {
  primary: 'bg-indigo-600 text-white hover:bg-indigo-700',
  secondary: 'border border-slate-300 bg-white text-slate-900 hover:bg-slate-100',
  danger: 'bg-red-700 text-white hover:bg-red-800',
} as const

/** A small submit button for row actions; `intent` says which of the page's forms was sent. */
export function IntentButton({
  intent,
  variant = 'secondary',
  children,
  ...rest
}: { intent: string; variant?: keyof typeof BUTTON_STYLES } & ComponentProps<'button'>) {
  return (
    <button
      type="submit"
      name="intent"
      value={intent}
      className={`inline-flex min-h-11 shrink-0 items-center justify-center rounded-md px-3 text-sm font-medium whitespace-nowrap ${BUTTON_STYLES[variant]}`}
      {...rest}
    >
      {children}
    </button>
  )
}
