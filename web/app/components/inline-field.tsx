import type { ComponentProps } from 'react'
import { Button, type ButtonVariant } from './ui/button.tsx'

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

/** A small submit button for row actions; `intent` says which of the page's forms was sent. */
export function IntentButton({
  intent,
  variant = 'secondary',
  className,
  ...rest
}: { intent: string; variant?: ButtonVariant } & ComponentProps<'button'>) {
  return (
    <Button
      name="intent"
      value={intent}
      variant={variant}
      className={`shrink-0 whitespace-nowrap ${className ?? ''}`}
      {...rest}
    />
  )
}
