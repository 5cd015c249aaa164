// Global search hits, grouped by kind in a fixed order. Each hit is a plain link (Tab walks them; on the
// search page ↓/↑ do too, see public/enhance.js), and a kind with more hits links to its own list,
// searched with the same words.
import { Link } from '@remix-run/react'
import { formatMoney } from '~/lib/money.ts'

interface Hit {
  id: string
  title: string
  detail: string | null
  amount: string | null
  currency: string | null
}
export interface SearchGroup {
  kind: 'contact' | 'organization' | 'deal' | 'product'
  hits: Hit[]
  more: boolean
}

const KINDS = {
  contact: { heading: 'Contacts', path: '/contacts' },
  organization: { heading: 'Organizations', path: '/organizations' },
  deal: { heading: 'Deals', path: '/deals' },
  product: { heading: 'Products', path: '/products' },
} as const

function details(hit: Hit): string {
  const money = hit.amount && hit.currency ? formatMoney(hit.amount, hit.currency) : null
  return [money, hit.detail].filter(Boolean).join(' · ')
}

export function SearchResults({ q, groups }: { q: string; groups: SearchGroup[] }) {
  const found = groups.filter((g) => g.hits.length > 0)
  if (found.length === 0)
    return (
      <p className="text-slate-700">
        Nothing matches “{q}”. Check the spelling, or try the start of a name, an e-mail or a SKU.
      </p>
    )
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {found.map((group) => {
        const kind = KINDS[group.kind]
        const headingId = `search-${group.kind}`
        return (
          <section key={group.kind} aria-labelledby={headingId} className="flex flex-col gap-1">
            <h2 id={headingId} className="text-sm font-semibold tracking-wide text-slate-600 uppercase">
              {kind.heading}
            </h2>
            <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
              {group.hits.map((hit) => (
                <li key={hit.id}>
                  <Link
                    to={`${kind.path}/${hit.id}`}
                    data-search-hit=""
                    className="flex min-h-11 flex-col justify-center px-3 py-1 text-sm hover:bg-slate-50 focus-visible:bg-indigo-50 focus-visible:outline-none"
                  >
                    <span className="font-medium text-indigo-700">{hit.title}</span>
                    {details(hit) && <span className="text-slate-700">{details(hit)}</span>}
                  </Link>
                </li>
              ))}
            </ul>
            {group.more && (
              <Link
                to={`${kind.path}?q=${encodeURIComponent(q)}`}
                className="inline-flex min-h-11 items-center text-sm text-indigo-700 hover:underline"
              >
                All {kind.heading.toLowerCase()} matching “{q}”
              </Link>
            )}
          </section>
        )
      })}
    </div>
  )
}
