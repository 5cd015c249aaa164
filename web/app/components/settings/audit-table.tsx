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

export function AuditTable({
  entries,
  names,
  timezone,
}: {
  entries: Entry[]
  names: Record<string, string>
  timezone: string
}) {
  if (entries.length === 0) return <p className="text-slate-700">No entries match.</p>
  return (
    <section
      className="overflow-x-auto rounded-md border border-slate-200 bg-white focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
      aria-label="Audit entries"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways must be scrollable by keyboard
      tabIndex={0}
    >
      <table className="w-full min-w-[44rem] text-left text-sm">
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              When
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Who
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Action
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Record
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Change
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {entries.map((e) => (
            <tr key={e.id}>
              <td className="px-3 py-2 whitespace-nowrap">{formatInZone(e.createdAt, timezone)}</td>
              <td className="px-3 py-2">{(e.actorUserId && names[e.actorUserId]) ?? 'System'}</td>
              <td className="px-3 py-2 font-mono text-xs">{e.action}</td>
              <td className="px-3 py-2">{e.entityType ?? '—'}</td>
              <td className="max-w-md px-3 py-2 font-mono text-xs break-all text-slate-700">{change(e)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
