import { Form, useNavigation } from '@remix-run/react'
import type { ComponentProps, ReactNode } from 'react'

/** A labelled input whose error is announced and tied to it (aria-invalid + aria-describedby). */
export function Field({
  label,
  name,
  error,
  hint,
  ...input
}: { label: string; name: string; error?: string | undefined; hint?: string } & ComponentProps<'input'>) {
  const id = `field-${name}`
  const described = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(' ') || undefined
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        className="min-h-11 rounded-md border border-slate-300 bg-white px-3 text-base text-slate-900 aria-invalid:border-red-600"
        {...input}
      />
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  )
}

/** The form-level message; role=alert so screen readers announce it when it appears (NFR-U2). */
export function FormError({ message }: { message?: string | undefined }) {
  if (!message) return null
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {message}
    </p>
  )
}

export function SubmitButton({
  children,
  name,
  value,
}: {
  children: ReactNode
  name?: string
  value?: string
}) {
  const busy = useNavigation().state === 'submitting'
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={busy}
      className="inline-flex min-h-11 items-center justify-center rounded-md bg-indigo-600 px-4 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
    >
      {children}
    </button>
  )
}

export { Form }
