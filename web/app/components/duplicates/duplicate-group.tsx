// One group of likely duplicates on the Duplicates page (ADR 0172): why they look alike, the records side by
// side (stacked on a phone), and a link to review each pair for merging. No data fetching here.
import { Link } from '@remix-run/react'
import { cardClass } from '../ui/card.ts'

export interface DuplicateRecordView {
  id: string
  name: string
  email: string | null
  phone: string | null
  organizationName: string | null
  website: string | null
}

export const REASON_LABELS: Record<string, string> = {
  email: 'Same e-mail',
  phone: 'Same phone number',
  name: 'Similar name',
  domain: 'Same website',
}

export function DuplicateGroup({
  entity,
  reason,
  records,
}: {
  entity: 'contact' | 'organization'
  reason: string
  records: DuplicateRecordView[]
}) {
  const [first, ...rest] = records
  if (!first) return null
  const label =
    entity === 'contact' && reason === 'name' ? 'Similar name, same company' : REASON_LABELS[reason]
  return (
    <li className={`${cardClass} flex flex-col gap-3`}>
      <p className="text-sm font-semibold text-indigo-800">{label ?? reason}</p>
      <ul className="grid gap-2 sm:grid-cols-2">
        {records.map((r) => (
          <li key={r.id} className="min-w-0 rounded border border-slate-200 p-2">
            <Link
              to={`/${entity === 'contact' ? 'contacts' : 'organizations'}/${r.id}`}
              className="font-medium break-words text-indigo-700 hover:underline"
            >
              {r.name}
            </Link>
            <p className="text-sm break-words text-slate-700">
              {[r.email, r.phone, r.organizationName, r.website].filter(Boolean).join(' · ') || '—'}
            </p>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        {rest.map((r) => (
          <Link
            key={r.id}
            to={`/duplicates/merge?entity=${entity}&a=${first.id}&b=${r.id}`}
            className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-100"
          >
            Review and merge{rest.length > 1 ? ` ${first.name} and ${r.name}` : ''}
          </Link>
        ))}
      </div>
    </li>
  )
}
