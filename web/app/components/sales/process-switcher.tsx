import { Link } from '@remix-run/react'

/** Plain links (one click, no JavaScript needed) so the process switcher is always visible (NFR-U6). */
export function ProcessSwitcher({
  processes,
  currentId,
  path,
}: {
  processes: { id: string; name: string }[]
  currentId: string
  path: string
}) {
  return (
    <nav aria-label="Sales processes" className="relative -mx-4 overflow-x-auto px-4">
      <ul className="flex gap-1">
        {processes.map((p) => {
          const current = p.id === currentId
          return (
            <li key={p.id} className="shrink-0">
              <Link
                to={`${path}?process=${p.id}`}
                aria-current={current ? 'page' : undefined}
                className={`inline-flex min-h-11 items-center rounded-md border px-3 text-sm font-medium focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none ${
                  current
                    ? 'border-indigo-600 bg-indigo-50 text-indigo-800'
                    : 'border-slate-200 bg-white text-slate-700 hover:bg-slate-100'
                }`}
              >
                {p.name}
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
