// The deal's key facts at a glance (issue 13), each edit one disclosure away: "Edit details", "Change
// owner" (managers and admins); the amount typed by hand has its own form in sight instead. The amount says which rule sets it: typed by hand, or the products'
// total once there are line items (F13.10).
import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { formatDate, formatMoney } from '~/lib/money.ts'

type Named = { id: string; name: string } | undefined

export function DealFacts({
  deal,
  owner,
  organization,
  contact,
  amountShown,
}: {
  deal: {
    amount: string
    currency: string
    hasLineItems: boolean
    closeDate: string | null
    probability: number
  }
  owner: string | null
  organization: Named
  contact: Named
  /** False while the amount has its own form above (typed by hand): not said twice. */
  amountShown: boolean
}) {
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-3 text-sm sm:grid-cols-3">
      {amountShown && (
        <Fact term="Amount">
          <span className="text-base font-semibold tabular-nums">
            {formatMoney(deal.amount, deal.currency)}
          </span>
          <span className="block text-xs text-slate-600">
            {deal.hasLineItems ? 'The products’ total' : 'Typed by hand'}
          </span>
        </Fact>
      )}
      <Fact term="Close date">{deal.closeDate ? formatDate(deal.closeDate) : 'Not set'}</Fact>
      <Fact term="Probability">{deal.probability}%</Fact>
      <Fact term="Owner">{owner ?? 'Nobody'}</Fact>
      <Fact term="Organization">
        {organization ? (
          <RecordLink to={`/organizations/${organization.id}`} name={organization.name} />
        ) : (
          '—'
        )}
      </Fact>
      <Fact term="Contact">
        {contact ? <RecordLink to={`/contacts/${contact.id}`} name={contact.name} /> : '—'}
      </Fact>
    </dl>
  )
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">{term}</dt>
      <dd className="break-words text-slate-900">{children}</dd>
    </div>
  )
}

const RecordLink = ({ to, name }: { to: string; name: string }) => (
  <Link to={to} className="text-indigo-700 underline">
    {name}
  </Link>
)
