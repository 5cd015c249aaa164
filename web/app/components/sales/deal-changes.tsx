// What changed on a deal (F14.1, issue 13): its audit entries as sentences with names ("Ana Rep changed
// amount from €100.00 to €120.00"), newest first; the stage changes are in the timeline.
import { auditSentence } from '~/lib/audit-sentence.ts'
import { formatInZone } from '~/lib/zoned-time.ts'

interface AuditEntry {
  id: string
  action: string
  actorUserId: string | null
  before: unknown
  after: unknown
  createdAt: string
}

export function DealChanges({
  audit,
  names,
  currency,
  timezone,
}: {
  audit: AuditEntry[]
  names: Record<string, string>
  currency: string
  timezone: string
}) {
  return (
    <section aria-labelledby="changes-heading">
      <h2 id="changes-heading" className="mb-2 text-lg font-semibold">
        Changes
      </h2>
      {audit.length === 0 ? (
        <p className="text-sm text-slate-600">No changes recorded yet.</p>
      ) : (
        <ol className="flex flex-col gap-2 text-sm">
          {audit.map((e) => (
            <li key={e.id} className="border-l-2 border-slate-200 pl-3">
              <span className="block break-words text-slate-900">
                {auditSentence({ ...e, entityType: 'deal', entityId: null }, { names, currency })}
              </span>
              <time dateTime={e.createdAt} className="block text-xs text-slate-600">
                {formatInZone(e.createdAt, timezone)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
