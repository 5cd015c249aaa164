import type { ReactNode } from 'react'

/** A body cell of the console's tables. */
export const td = 'px-3 py-2 align-top text-sm'
const th = 'px-3 py-2 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase'

/** The platform console's table: scrolls inside its own box on a phone, never the page. */
export function ConsoleTable({ columns, children }: { columns: string[]; children: ReactNode }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200">
        <thead className="bg-slate-50">
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col" className={th}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  )
}
