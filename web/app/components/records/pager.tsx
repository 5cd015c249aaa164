import { Link } from '@remix-run/react'
import { buttonClass } from '../ui/button.tsx'

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
        <Link to={`?${first}`} className={buttonClass.secondary}>
          First page
        </Link>
      )}
      {nextCursor && (
        <Link to={`?${next}`} className={buttonClass.secondary}>
          Next page
        </Link>
      )}
    </nav>
  )
}
