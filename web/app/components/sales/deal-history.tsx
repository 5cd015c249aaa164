import { formatDateTime, formatMoney } from '~/lib/money.ts'

interface StageChange {
  id: string
  fromStageName: string | null
  toStageName: string
  amount: string
  probability: number
  changedBy: string | null
  changedAt: string
}
interface AuditEntry {
  id: string
  action: string
  actorUserId: string | null
  before: unknown
  after: unknown
  createdAt: string
}

const show = (v: unknown) =>
  v == null || v === '' ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v)

/** "amount: 100.00 → 120.00; closeDate: — → 2026-03-31" from an audit row's before/after objects. */
function changes(before: unknown, after: unknown): string {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])]
  return keys.map((k) => `${k}: ${show(b[k])} → ${show(a[k])}`).join('; ')
}

export function DealHistory({
  stageChanges,
  audit,
  users,
  currency,
}: {
  stageChanges: StageChange[]
  audit: AuditEntry[]
  users: Record<string, string>
  currency: string
}) {
  const who = (id: string | null) => (id && users[id]) ?? 'System'
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <section aria-labelledby="stage-history-heading">
        <h2 id="stage-history-heading" className="mb-2 text-lg font-semibold">
          Stage history
        </h2>
        <ol className="flex flex-col gap-2 text-sm">
          {stageChanges.map((s) => (
            <li key={s.id} className="border-l-2 border-indigo-200 pl-3">
              <span className="font-medium">
                {s.fromStageName ? `${s.fromStageName} → ${s.toStageName}` : `Created in ${s.toStageName}`}
              </span>
              <span className="block text-slate-600">
                {formatMoney(s.amount, currency)} at {s.probability}% · {who(s.changedBy)} ·{' '}
                {formatDateTime(s.changedAt)}
              </span>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading" className="mb-2 text-lg font-semibold">
          Audit trail
        </h2>
        {audit.length === 0 ? (
          <p className="text-sm text-slate-600">No changes recorded yet.</p>
        ) : (
          <ol className="flex flex-col gap-2 text-sm">
            {audit.map((e) => (
              <li key={e.id} className="border-l-2 border-slate-200 pl-3">
                <span className="font-medium">{e.action}</span>
                <span className="block break-words text-slate-600">{changes(e.before, e.after)}</span>
                <span className="block text-slate-500">
                  {who(e.actorUserId)} · {formatDateTime(e.createdAt)}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  )
}
