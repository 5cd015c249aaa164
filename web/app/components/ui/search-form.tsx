import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { buttonClass } from './button.tsx'

/**
 * A list page's search: a GET form, so the URL is the state (shareable, back-button safe, no JavaScript
 * needed). One labelled query box, optional extra filters in `children`, and the submit button.
 */
export function SearchForm({
  id,
  label,
  name = 'q',
  defaultValue,
  placeholder,
  submitLabel = 'Search',
  autoFocus = false,
  children,
}: {
  /** The query input's id, unique on the page (e.g. `contacts-q`). */
  id: string
  label: string
  name?: string
  defaultValue?: string | undefined
  placeholder?: string
  submitLabel?: string
  /** Only for a page that is nothing but this search (the global search page before a query). */
  autoFocus?: boolean
  /** Extra filters (selects, dates) shown between the query box and the button. */
  children?: ReactNode
}) {
  return (
    <Form
      method="get"
      role="search"
      className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 bg-white p-4"
    >
      <div className="flex min-w-0 flex-1 basis-60 flex-col gap-1">
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        <input
          id={id}
          name={name}
          type="search"
          defaultValue={defaultValue ?? ''}
          // biome-ignore lint/a11y/noAutofocus: the search page exists to type into this box; nothing precedes it
          autoFocus={autoFocus}
          {...(placeholder ? { placeholder } : {})}
          className="min-h-11 rounded-md border border-slate-300 bg-white px-3 text-base"
        />
      </div>
      {children}
      <button type="submit" className={buttonClass.secondary}>
        {submitLabel}
      </button>
    </Form>
  )
}
