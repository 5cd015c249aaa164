import type { Key, ReactNode } from 'react'

/** One column: its header, how a row fills its cell, and how it sits. */
export interface Column<Row> {
  /** The header; on a phone it labels the value inside each card. Unique within the table. */
  header: string
  /** Say the header to screen readers only (e.g. "Actions"); the phone card shows the value unlabelled. */
  headerHidden?: boolean
  cell: (row: Row) => ReactNode
  /** The row's name: a row header (`<th scope="row">`) on wide screens, the card's title on a phone. */
  primary?: boolean
  /** `end` for money and counts: right-aligned, tabular figures (from the `sm` breakpoint up). */
  align?: 'start' | 'end'
  /** Extra classes for this column's cells, e.g. `font-mono` or a width from `sm:` up. */
  className?: string
}

/** A closing row (a total), its value placed under the named column. */
export interface TableFooter {
  label: string
  value: ReactNode
  /** The header of the column the value sits under. */
  under: string
}

const end = (c: { align?: 'start' | 'end' }) => (c.align === 'end' ? 'sm:text-right tabular-nums' : '')

/**
 * Rows as a real `<table>` from the `sm` breakpoint (640 px) up, and as a list of cards below it: the same
 * elements restyled by CSS alone (no JavaScript, no second copy of the rows, so ids and forms in cells stay
 * unique). On a phone the header row is hidden and every value carries its own visible label, so a card
 * reads well even where a browser drops the table semantics of restyled rows; nothing is wider than the
 * screen. From `sm` up a table too wide for its box scrolls inside it, never the page.
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  footer,
  bare = false,
}: {
  /** The table's accessible name (visually hidden: the page's heading says it already). */
  caption: string
  columns: Column<Row>[]
  rows: Row[]
  rowKey: (row: Row) => Key
  /** Shown instead of the table when there are no rows (say what to do next where there is something). */
  empty: ReactNode
  footer?: TableFooter
  /** Inside a card already: no frame of its own on wide screens. */
  bare?: boolean
}) {
  if (rows.length === 0) return <>{empty}</>
  const frame = bare ? '' : 'sm:rounded-md sm:border sm:border-slate-200 sm:bg-white'
  return (
    <div className={`sm:overflow-x-auto ${frame}`}>
      <table className="block w-full text-left text-sm sm:table">
        <caption className="sr-only">{caption}</caption>
        <thead className={`hidden text-slate-600 sm:table-header-group ${bare ? '' : 'bg-slate-50'}`}>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={`px-2 py-2 font-medium md:px-3 ${end(c)}`}>
                {c.headerHidden ? <span className="sr-only">{c.header}</span> : c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="flex flex-col gap-3 sm:table-row-group">
          {rows.map((row) => (
            <tr
              key={rowKey(row)}
              className="flex flex-col gap-1 rounded-md border border-slate-200 bg-white p-3 sm:table-row sm:rounded-none sm:border-0 sm:border-t sm:border-slate-100 sm:bg-transparent sm:p-0 sm:align-top"
            >
              {columns.map((c) => (
                <Cell key={c.header} column={c}>
                  {c.cell(row)}
                </Cell>
              ))}
            </tr>
          ))}
        </tbody>
        {footer && <Footer footer={footer} columns={columns} />}
      </table>
    </div>
  )
}

function Cell<Row>({ column, children }: { column: Column<Row>; children: ReactNode }) {
  const extra = column.className ?? ''
  if (column.primary) {
    return (
      <th
        scope="row"
        className={`block text-base font-semibold text-slate-900 sm:table-cell sm:px-2 sm:py-2 md:px-3 sm:text-sm sm:font-medium ${end(column)} ${extra}`}
      >
        {children}
      </th>
    )
  }
  // The phone's label is the cell's ::before in its left padding, drawn from data-label by one rule in
  // tailwind.css, so the value needs no wrapper: an element per cell for either added seven to every row of
  // a list (issue 13: a 25-row deals page, ~175 elements each, all restyled on every change).
  return (
    <td
      data-label={column.headerHidden ? undefined : column.header}
      className={`block wrap-anywhere sm:table-cell sm:px-2 sm:py-2 sm:wrap-normal md:px-3 ${end(column)} ${extra}`}
    >
      {children}
    </td>
  )
}

function Footer<Row>({ footer, columns }: { footer: TableFooter; columns: Column<Row>[] }) {
  const at = Math.max(
    1,
    columns.findIndex((c) => c.header === footer.under),
  )
  const rest = columns.length - at - 1
  return (
    <tfoot className="mt-3 block sm:table-footer-group">
      <tr className="flex justify-between gap-3 rounded-md border border-slate-300 bg-white p-3 font-semibold sm:table-row sm:rounded-none sm:border-0 sm:border-t sm:bg-transparent sm:p-0">
        <th scope="row" colSpan={at} className="sm:px-2 sm:py-2 md:px-3 sm:text-right">
          {footer.label}
        </th>
        <td className={`sm:px-2 sm:py-2 md:px-3 ${end(columns[at] ?? {})}`}>{footer.value}</td>
        {rest > 0 && <td colSpan={rest} className="hidden sm:table-cell" />}
      </tr>
    </tfoot>
  )
}
