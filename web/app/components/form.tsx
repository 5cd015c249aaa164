import { type FieldMetadata, getInputProps, getTextareaProps } from '@conform-to/react'
import { Form, useNavigation } from '@remix-run/react'
import type { ComponentProps, ReactNode } from 'react'
import { Alert } from './ui/alert.tsx'
import { buttonClass } from './ui/button.tsx'

/** A Conform field of any value type (the input renders its text). */
// biome-ignore lint/suspicious/noExplicitAny: a field's value type does not matter to its input
export type AnyField = FieldMetadata<any, any, string[]>

type InputType =
  | 'text'
  | 'email'
  | 'password'
  | 'number'
  | 'date'
  | 'datetime-local'
  | 'tel'
  | 'url'
  | 'search'
  | 'hidden'

/** The props a Conform field gives an input: name, id, typed value, aria-invalid, aria-describedby. */
export function inputProps(meta: AnyField, type: InputType = 'text', hint?: boolean) {
  return getInputProps(meta, { type, ...(hint ? { ariaDescribedBy: meta.descriptionId } : {}) })
}

/** The field's messages, one line (a field may fail more than one rule). */
export const errorText = (meta: AnyField) => meta.errors?.join(' ') || undefined

const inputClass =
  'min-h-11 rounded-md border border-slate-300 bg-white px-3 text-base text-slate-900 aria-invalid:border-red-600'

type Note = { id: string; text: string | undefined } | undefined | '' | false

/**
 * Label above the control, then its hint and its error, each with the id the control points at. A required
 * control's label shows an asterisk; screen readers hear "required" from the control itself, so the mark is
 * hidden from them (the accessible name stays the label).
 */
export function FieldFrame({
  label,
  id,
  hint,
  error,
  required,
  className,
  children,
}: {
  label: string
  id: string
  hint?: Note
  error: Note
  required?: boolean | undefined
  className?: string | undefined
  children: ReactNode
}) {
  return (
    <div className={className ? `flex flex-col gap-1 ${className}` : 'flex flex-col gap-1'}>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
        {required && (
          <span aria-hidden="true" className="text-red-700">
            {' '}
            *
          </span>
        )}
      </label>
      {children}
      {hint && (
        <p id={hint.id} className="text-sm text-slate-600">
          {hint.text}
        </p>
      )}
      {error && (
        <p id={error.id} className="text-sm text-red-700">
          {error.text}
        </p>
      )}
    </div>
  )
}

/**
 * A labelled input wired to a Conform field: its typed value comes back after a refused submission and its
 * error is announced and tied to it, with or without JavaScript.
 */
export function FormField({
  label,
  meta,
  hint,
  type,
  ...input
}: { label: string; meta: AnyField; hint?: string; type?: InputType } & Omit<
  ComponentProps<'input'>,
  'name' | 'type' | 'defaultValue'
>) {
  const { defaultValue, ...wired } = inputProps(meta, type, Boolean(hint))
  return (
    <FieldFrame
      label={label}
      id={meta.id}
      hint={hint && { id: meta.descriptionId, text: hint }}
      error={errorText(meta) && { id: meta.errorId, text: errorText(meta) }}
      required={input.required}
    >
      <input
        {...wired}
        {...(input.value === undefined ? { defaultValue } : {})}
        className={inputClass}
        {...input}
      />
    </FieldFrame>
  )
}

/** A labelled textarea wired to a Conform field. */
export function TextAreaField({
  label,
  meta,
  className,
  ...area
}: { label: string; meta: AnyField } & Omit<ComponentProps<'textarea'>, 'name' | 'defaultValue'>) {
  const error = errorText(meta)
  return (
    <FieldFrame
      label={label}
      id={meta.id}
      error={error && { id: meta.errorId, text: error }}
      required={area.required}
      className={className}
    >
      <textarea
        {...getTextareaProps(meta)}
        rows={3}
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-base aria-invalid:border-red-600"
        {...area}
      />
    </FieldFrame>
  )
}

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
    <FieldFrame
      label={label}
      id={id}
      hint={hint && { id: `${id}-hint`, text: hint }}
      error={error && { id: `${id}-error`, text: error }}
      required={input.required}
    >
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        className={inputClass}
        {...input}
      />
    </FieldFrame>
  )
}

/** The form-level message; role=alert so screen readers announce it when it appears (NFR-U2). */
export function FormError({ message }: { message?: string | undefined }) {
  if (!message) return null
  return <Alert tone="error">{message}</Alert>
}

/** The form-level messages of a Conform form (the API's title, and errors about fields it does not show). */
export function FormErrors({ errors }: { errors?: string[] | undefined }) {
  return <FormError message={errors?.join(' ')} />
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
    <button type="submit" name={name} value={value} disabled={busy} className={buttonClass.primary}>
      {children}
    </button>
  )
}

export { Form }
