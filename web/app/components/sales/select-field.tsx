import { getSelectProps } from '@conform-to/react'
import type { ComponentProps, ReactNode } from 'react'
import { type AnyField, errorText, FieldFrame } from '../form.tsx'

const selectClass =
  'min-h-11 rounded-md border border-slate-300 bg-white px-2 text-base text-slate-900 aria-invalid:border-red-600'

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
    <FieldFrame label={label} id={fieldId} error={error && { id: `${fieldId}-error`, text: error }}>
      <select
        id={fieldId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${fieldId}-error` : undefined}
        className={selectClass}
        {...select}
      >
        {children}
      </select>
    </FieldFrame>
  )
}

/**
 * A `SelectField` over named records (an organization, a contact, an owner): one option per record, after
 * an optional empty choice (`none`, e.g. "None" or "Anyone") that sends "".
 */
export function RecordSelect({
  options,
  none,
  ...field
}: {
  options: { id: string; name: string }[]
  none?: string
} & Omit<ComponentProps<typeof SelectField>, 'children'>) {
  return (
    <SelectField {...field}>
      {none !== undefined && <option value="">{none}</option>}
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </SelectField>
  )
}

/** SelectField wired to a Conform field (name, id, chosen value after a refusal, error). */
export function FormSelect({
  label,
  meta,
  children,
  ...select
}: { label: string; meta: AnyField; children: ReactNode } & Omit<
  ComponentProps<'select'>,
  'name' | 'defaultValue' | 'id'
>) {
  const error = errorText(meta)
  const { defaultValue, ...wired } = getSelectProps(meta)
  return (
    <FieldFrame
      label={label}
      id={meta.id}
      error={error && { id: meta.errorId, text: error }}
      required={select.required}
    >
      <select
        {...wired}
        {...(select.value === undefined ? { defaultValue } : {})}
        className={selectClass}
        {...select}
      >
        {children}
      </select>
    </FieldFrame>
  )
}

/** A `FormSelect` over named records, like `RecordSelect`: an optional empty choice, then one per record. */
export function FormRecordSelect({
  options,
  none,
  ...field
}: { options: { id: string; name: string }[]; none?: string } & Omit<
  ComponentProps<typeof FormSelect>,
  'children'
>) {
  return (
    <FormSelect {...field}>
      {none !== undefined && <option value="">{none}</option>}
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </FormSelect>
  )
}
