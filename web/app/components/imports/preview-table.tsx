import { type Column, DataTable } from '~/components/ui/data-table.tsx'
import { ACTION_WORDS, type ImportDetail, type PreviewRow } from '~/lib/imports.ts'

const ACTION_CLASS: Record<PreviewRow['action'], string> = {
  create: 'text-emerald-800',
  update: 'text-sky-800',
  skip: 'text-slate-700',
  reject: 'text-red-700',
}

/**
 * The preview rows: row number, the cells, what the run would do and why, and each cell's errors; a cell an
 * error names is marked. A table from `sm` up (scrolling inside its box), cards on a phone (DataTable).
 */
export function PreviewTable({ imp }: { imp: ImportDetail }) {
  const label = new Map(imp.fields.map((f) => [f.key, f.label]))
  const headers = uniqueHeaders(imp.columns)
  const columns: Column<PreviewRow>[] = [
    { header: 'Row', primary: true, cell: (r) => `Row ${r.rowNo}` },
    ...imp.columns.map(
      (_, i): Column<PreviewRow> => ({
        header: headers[i] ?? `Column ${i + 1}`,
        className: 'sm:max-w-48',
        cell: (r) => {
          const value = r.cells[i] ?? ''
          if (!r.errors.some((e) => e.column === i)) return value || <span className="text-slate-500">—</span>
          return (
            <span className="rounded bg-red-50 px-1 font-medium text-red-800 ring-1 ring-red-300">
              {value || '(empty)'}
              <span className="sr-only"> (has an error)</span>
            </span>
          )
        },
      }),
    ),
    {
      header: 'Will',
      cell: (r) => (
        <span className={`font-medium ${ACTION_CLASS[r.action]}`}>
          {ACTION_WORDS[r.action]}
          {r.reason && <span className="font-normal text-slate-700"> ({r.reason})</span>}
        </span>
      ),
    },
    {
      header: 'Errors',
      className: 'sm:min-w-48',
      cell: (r) =>
        r.errors.length === 0 ? (
          <span className="text-slate-500">—</span>
        ) : (
          <ul className="text-red-700">
            {r.errors.map((e) => (
              <li key={`${e.field}:${e.message}`}>
                {e.column !== null ? `${headers[e.column] ?? label.get(e.field) ?? e.field}: ` : ''}
                {e.message}
              </li>
            ))}
          </ul>
        ),
    },
  ]
  return (
    <DataTable
      caption="Preview of the first rows"
      columns={columns}
      rows={imp.preview}
      rowKey={(r) => r.rowNo}
      empty={<p className="text-slate-700">The file has no rows to preview.</p>}
    />
  )
}

/** DataTable keys columns by header: a repeated or blank header gets its position added. */
function uniqueHeaders(columns: string[]): string[] {
  const seen = new Set<string>(['Row', 'Will', 'Errors'])
  return columns.map((c, i) => {
    let h = c.trim() === '' ? `Column ${i + 1}` : c
    if (seen.has(h)) h = `${h} (column ${i + 1})`
    seen.add(h)
    return h
  })
}
