import type { ComponentProps, ReactNode } from 'react'

/** A labelled select with an announced error, the select twin of the shared `Field`. */
export function SelectField({
  label,
  name,
  error,
  children,
  id,
  ...select
}: {
  label: string
  name: string
  error?: string | undefined
  children: ReactNode
} & ComponentProps<'select'>) {
  const fieldId = id ?? `field-${name}`
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={fieldId} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={fieldId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${fieldId}-error` : undefined}
        className="min-h-11 rounded-md border border-slate-300 bg-white px-2 text-base text-slate-900 aria-invalid:border-red-600"
        {...select}
      >
        {children}
      </select>
      {error && (
        <p id={`${fieldId}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  )
}

export const buttonClass = {
  primary:
    'inline-flex min-h-11 items-center justify-center rounded-md bg-indigo-600 px-4 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-2 focus-visible:outline-none',
  secondary:
    'inline-flex min-h-11 items-center justify-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none',
} as const

export const cardClass = 'rounded-md border border-slate-200 bg-white p-4'
