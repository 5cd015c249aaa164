import { type Column, DataTable } from '~/components/ui/data-table.tsx'
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

/** What changed, as compact JSON (before → after), for an admin reading the trail. */
function change(entry: Entry): string {
  const show = (v: unknown) => (v == null ? '' : JSON.stringify(v))
  const before = show(entry.before)
  const after = show(entry.after)
  return before && after ? `${before} → ${after}` : before || after
}

const columns = (names: Record<string, string>, timezone: string): Column<Entry>[] => [
  {
    header: 'When',
    primary: true,
    className: 'sm:whitespace-nowrap',
    cell: (e) => formatInZone(e.createdAt, timezone),
  },
  { header: 'Who', cell: (e) => (e.actorUserId && names[e.actorUserId]) ?? 'System' },
  { header: 'Action', className: 'font-mono text-xs break-all', cell: (e) => e.action },
  { header: 'Record', cell: (e) => e.entityType ?? '—' },
  { header: 'Change', className: 'sm:max-w-md font-mono text-xs break-all text-slate-700', cell: change },
]

export function AuditTable({
  entries,
  names,
  timezone,
}: {
  entries: Entry[]
  names: Record<string, string>
  timezone: string
}) {
  return (
    <section aria-label="Audit entries">
      <DataTable
        caption="Audit entries"
        columns={columns(names, timezone)}
        rows={entries}
        rowKey={(e) => e.id}
        empty={<p className="text-slate-700">No entries match.</p>}
      />
    </section>
  )
}
