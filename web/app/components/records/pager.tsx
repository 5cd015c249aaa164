import { Link } from '@remix-run/react'

const linkClass =
  'inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none'

/** Keyset paging as plain links: the filters stay in the URL, the API's cursor is added for the next page. */
export function Pager({
  params,
  nextCursor,
  onFirstPage,
}: {
  params: Record<string, string>
  nextCursor: string | null
  onFirstPage: boolean
}) {
  if (!nextCursor && onFirstPage) return null
  const first = new URLSearchParams(params)
  const next = new URLSearchParams(params)
  if (nextCursor) next.set('cursor', nextCursor)
  return (
    <nav aria-label="Pages" className="flex flex-wrap gap-2">
      {!onFirstPage && (
        <Link to={`?${first}`} className={linkClass}>
          First page
        </Link>
      )}
      {nextCursor && (
        <Link to={`?${next}`} className={linkClass}>
          Next page
        </Link>
      )}
    </nav>
  )
}
