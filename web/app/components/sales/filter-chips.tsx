// The list's active filters as chips (issue 13): each says what it filters on in words and is a link to the
// same list without it, so a filter is removed with one tap, without JavaScript.
import { Link } from '@remix-run/react'

export interface Chip {
  /** The URL parameter this chip removes. */
  key: string
  label: string
}

export function FilterChips({ chips, params }: { chips: Chip[]; params: Record<string, string> }) {
  if (chips.length === 0) return null
  const without = (key: string) => {
    const rest = new URLSearchParams(Object.entries(params).filter(([k]) => k !== key))
    return rest.size ? `?${rest}` : '?'
  }
  return (
    <ul aria-label="Active filters" className="flex flex-wrap gap-2">
      {chips.map((c) => (
        <li key={c.key}>
          <Link
            to={without(c.key)}
            className="inline-flex min-h-11 items-center gap-2 rounded-full border border-indigo-200 bg-indigo-50 px-3 text-sm text-indigo-900 hover:bg-indigo-100"
          >
            {c.label}
            <span aria-hidden="true">×</span>
            <span className="sr-only">(remove this filter)</span>
          </Link>
        </li>
      ))}
    </ul>
  )
}
