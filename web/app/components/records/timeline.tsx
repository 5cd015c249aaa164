// A contact's or a deal's timeline (F10.3): activities, deal creations and stage changes, newest first. Activities the
// viewer may remove (their own; any for managers and admins) get an "Archive" button (soft delete).
import { Link } from '@remix-run/react'
import { formatMoney } from '~/lib/money.ts'
import { formatInZone } from '~/lib/zoned-time.ts'
import { Form } from '../form.tsx'

export interface TimelineItem {
  kind: 'activity' | 'deal_created' | 'stage_changed'
  at: string
  id: string
  dealId: string | null
  dealName: string | null
  activityType: 'call' | 'email' | 'meeting' | 'note' | null
  subject: string | null
  description: string | null
  fromStageName: string | null
  toStageName: string | null
  amount: string | null
  actorUserId: string | null
}

const TYPE_LABEL = { call: 'Call', email: 'Email', meeting: 'Meeting', note: 'Note' } as const

function Headline({ item, currency }: { item: TimelineItem; currency: string }) {
  const deal = item.dealId ? (
    <Link to={`/deals/${item.dealId}`} className="font-medium text-indigo-700 hover:underline">
      {item.dealName ?? 'a deal'}
    </Link>
  ) : null
  if (item.kind === 'activity') {
    return (
      <>
        <span className="font-medium">{TYPE_LABEL[item.activityType ?? 'note']}</span>
        {item.subject && <>: {item.subject}</>}
        {deal && <> · {deal}</>}
      </>
    )
  }
  // On the deal's own page there is no link to it: "Created in Prospect", "Moved from A to B".
  if (item.kind === 'deal_created') {
    const amount = item.amount && <> ({formatMoney(item.amount, currency)})</>
    return deal ? (
      <>
        Deal {deal} created{amount}
      </>
    ) : (
      <>
        Created in {item.toStageName}
        {amount}
      </>
    )
  }
  const from = item.fromStageName ? `from ${item.fromStageName} ` : ''
  return deal ? (
    <>
      {deal} moved {from}to {item.toStageName}
    </>
  ) : (
    <>
      Moved {from}to {item.toStageName}
    </>
  )
}

export function Timeline({
  items,
  names,
  timezone,
  currency,
  canArchive,
}: {
  items: TimelineItem[]
  names: Record<string, string>
  timezone: string
  currency: string
  canArchive: (item: TimelineItem) => boolean
}) {
  if (items.length === 0) return <p className="text-sm text-slate-700">Nothing has happened yet.</p>
  return (
    <ol className="flex flex-col divide-y divide-slate-100">
      {items.map((item) => (
        <li key={`${item.kind}-${item.id}`} className="flex flex-wrap items-start justify-between gap-2 py-3">
          <div className="min-w-0 flex-1 basis-64">
            <p className="text-sm break-words text-slate-900">
              <Headline item={item} currency={currency} />
            </p>
            {item.kind === 'activity' && item.description && (
              <p className="mt-1 text-sm break-words whitespace-pre-line text-slate-700">
                {item.description}
              </p>
            )}
            <p className="mt-1 text-xs text-slate-600">
              <time dateTime={item.at}>{formatInZone(item.at, timezone)}</time>
              {item.actorUserId && names[item.actorUserId] && <> · {names[item.actorUserId]}</>}
            </p>
          </div>
          {item.kind === 'activity' && canArchive(item) && (
            <Form method="post">
              <input type="hidden" name="intent" value="archive-activity" />
              <input type="hidden" name="activityId" value={item.id} />
              <button
                type="submit"
                aria-label={`Archive ${TYPE_LABEL[item.activityType ?? 'note'].toLowerCase()}${item.subject ? ` “${item.subject}”` : ''}`}
                className="min-h-11 rounded-md px-3 text-sm text-slate-700 hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
              >
                Archive
              </button>
            </Form>
          )}
        </li>
      ))}
    </ol>
  )
}
