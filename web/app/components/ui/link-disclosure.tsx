// A disclosure whose content the server renders only when asked (`?open=<name>`), for a rarely opened form
// with long choices (the deal's details: a select of contacts and one of organizations). A <details> would
// ship those hundreds of options with every view of the page (issue 13: Lighthouse mobile counts each one
// in style and layout); this costs one page load when the form is wanted. Works without JavaScript: the
// summary is a link, and "Close" a link back.
import { Link, useLocation } from '@remix-run/react'
import type { ReactNode } from 'react'

const summaryClass =
  'inline-flex min-h-11 items-center rounded-md px-2 text-sm font-medium text-indigo-700 hover:bg-indigo-50'

/** The URL of this page with `open` set to `name` (or removed), other parameters kept. */
function withOpen(search: string, name: string | null) {
  const params = new URLSearchParams(search)
  if (name) params.set('open', name)
  else params.delete('open')
  const query = params.toString()
  return query ? `?${query}` : '?'
}

/** Which link disclosure the URL opens, if any (a page that must open an enclosing <details> with it). */
export function useOpenDisclosure(): string | null {
  return new URLSearchParams(useLocation().search).get('open')
}

export function LinkDisclosure({
  name,
  summary,
  open,
  children,
}: {
  /** The value of `open` that shows this one; `open-<name>` is the id the summary link scrolls to. */
  name: string
  summary: string
  /** Shown although not asked for, e.g. after a refusal that the content explains. */
  open: boolean
  children: ReactNode
}) {
  const { search } = useLocation()
  const shown = open || new URLSearchParams(search).get('open') === name
  if (!shown)
    return (
      <Link to={`${withOpen(search, name)}#open-${name}`} preventScrollReset className={summaryClass}>
        {summary}
      </Link>
    )
  return (
    // Not the bare name as id: a form inside may use it (conform ties its fields to the form by id).
    <div id={`open-${name}`} className="w-full">
      <div className="flex items-center justify-between gap-2">
        <h3 className="px-2 text-sm font-medium text-slate-900">{summary}</h3>
        <Link to={withOpen(search, null)} preventScrollReset className={summaryClass}>
          Close
        </Link>
      </div>
      <div className="mt-2">{children}</div>
    </div>
  )
}
