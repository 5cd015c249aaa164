import { cardClass } from '~/components/ui/card.ts'
import type { ImportCounts } from '~/lib/imports.ts'

/** A finished import's counts, and the rejected rows as a CSV download when there are any. */
export function ImportDone({
  id,
  counts,
  finished,
  noun,
}: {
  id: string
  counts: ImportCounts
  finished: string
  noun: string
}) {
  const figures: [string, number][] = [
    ['Created', counts.created],
    ['Updated', counts.updated],
    ['Skipped', counts.skipped],
    ['Rejected', counts.rejected],
  ]
  return (
    <section aria-labelledby="import-done-heading" className={`${cardClass} flex flex-col gap-3`}>
      <h2 id="import-done-heading" className="text-lg font-semibold">
        Import finished{finished ? ` on ${finished}` : ''}
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {figures.map(([label, n]) => (
          <div key={label} className="rounded-md bg-slate-50 p-3">
            <dt className="text-sm text-slate-700">{label}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{n.toLocaleString('en')}</dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-slate-700">
        Rows are skipped when they match an existing record (or an earlier row of the file) and the import was
        told to skip them; rejected rows were not written to your {noun}.
      </p>
      {counts.rejected > 0 && (
        <p>
          <a
            href={`/resources/imports/${id}/rejected`}
            download
            className="inline-flex min-h-11 items-center font-medium text-indigo-700 hover:underline"
          >
            Download rejected rows (CSV)
          </a>
        </p>
      )}
    </section>
  )
}
