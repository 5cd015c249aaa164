import { type Column, DataTable } from '~/components/ui/data-table.tsx'
import { type AuditSentenceContext, auditSentence, entityLabel } from '~/lib/audit-sentence.ts'
import { formatInZone } from '~/lib/zoned-time.ts'

interface Entry {
  id: string
  action: string
  actorUserId: string | null
  entityType: string | null
  entityId: string | null
  before?: unknown
  after?: unknown
  createdAt: string
}

/** The sentence first; the event key under it, small, for an admin who filters by it or greps logs. */
function WhatHappened({ entry, ctx }: { entry: Entry; ctx: AuditSentenceContext }) {
  return (
    <>
      <span className="block text-slate-900">{auditSentence(entry, ctx)}</span>
      <span className="block font-mono text-xs break-all text-slate-600">{entry.action}</span>
    </>
  )
}

const columns = (ctx: AuditSentenceContext, timezone: string): Column<Entry>[] => [
  {
    header: 'When',
    primary: true,
    className: 'sm:whitespace-nowrap',
    cell: (e) => formatInZone(e.createdAt, timezone),
  },
  {
    header: 'Who',
    cell: (e) => (e.actorUserId ? (ctx.names[e.actorUserId] ?? 'Someone') : 'System'),
  },
  {
    header: 'What happened',
    className: 'sm:min-w-72 sm:max-w-xl',
    cell: (e) => <WhatHappened entry={e} ctx={ctx} />,
  },
  { header: 'Record', cell: (e) => (e.entityType ? entityLabel(e.entityType) : '—') },
]

export function AuditTable({
  entries,
  names,
  timezone,
  currency,
}: {
  entries: Entry[]
  names: Record<string, string>
  timezone: string
  /** The workspace currency, for amounts in the sentences. */
  currency?: string
}) {
  const ctx: AuditSentenceContext = currency ? { names, currency } : { names }
  return (
    <section aria-label="Audit entries">
      <DataTable
        caption="Audit entries"
        columns={columns(ctx, timezone)}
        rows={entries}
        rowKey={(e) => e.id}
        empty={<p className="text-slate-700">No entries match.</p>}
      />
    </section>
  )
}
