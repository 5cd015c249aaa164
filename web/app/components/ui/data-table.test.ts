// The shared table's markup rules, rendered on the server as Remix does (no browser needed).
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { type Column, DataTable, type TableFooter } from './data-table.tsx'

interface Row {
  id: string
  name: string
  amount: string
}

const columns: Column<Row>[] = [
  { header: 'Name', primary: true, cell: (r) => r.name },
  { header: 'Amount', align: 'end', cell: (r) => r.amount },
  { header: 'Actions', headerHidden: true, cell: (r) => `act-${r.id}` },
]
const rows: Row[] = [
  { id: 'a', name: 'Ada', amount: '€1.00' },
  { id: 'b', name: 'Bob', amount: '€2.00' },
]

function render(rowsToShow: Row[], footer?: TableFooter) {
  return renderToStaticMarkup(
    createElement(DataTable<Row>, {
      caption: 'People',
      columns,
      rows: rowsToShow,
      rowKey: (r) => r.id,
      empty: createElement('p', null, 'Nobody yet.'),
      ...(footer ? { footer } : {}),
    }),
  )
}

describe('DataTable', () => {
  it('shows the empty state instead of a table when there are no rows', () => {
    const html = render([])
    expect(html).toBe('<p>Nobody yet.</p>')
  })

  it('is one real table, named by its caption, with a column header per column', () => {
    const html = render(rows)
    expect(html.match(/<table/g)).toHaveLength(1)
    expect(html).toContain('<caption class="sr-only">People</caption>')
    expect(html.match(/<th scope="col"/g)).toHaveLength(3)
    // A header said to screen readers only still exists as a column header.
    expect(html).toMatch(/<th scope="col"[^>]*><span class="sr-only">Actions<\/span><\/th>/)
  })

  it('makes the primary column the row header', () => {
    const html = render(rows)
    expect(html.match(/<th scope="row"[^>]*>Ada<\/th>/)).not.toBeNull()
    expect(html.match(/<th scope="row"/g)).toHaveLength(2)
  })

  it('is a table from sm up and cards below it, by CSS alone: header row hidden, every value labelled', () => {
    const html = render(rows)
    expect(html).toMatch(/<table class="[^"]*\bblock\b[^"]*\bsm:table\b/)
    expect(html).toMatch(/<thead class="[^"]*\bhidden\b[^"]*\bsm:table-header-group\b/)
    // Each labelled value carries its header, visible on a phone only; unlabelled columns carry none.
    // (the cell's ::before shows its data-label, by one rule in tailwind.css; no element of its own).
    expect(html.match(/<td data-label="Amount"/g)).toHaveLength(2)
    expect(html).not.toMatch(/data-label="Actions"/)
    // Money sits right-aligned in tabular figures on wide screens.
    expect(html).toMatch(/<td [^>]*class="[^"]*sm:text-right tabular-nums[^"]*">/)
  })

  it('puts a footer value under the named column', () => {
    const html = render(rows, { label: 'Total', value: '€3.00', under: 'Amount' })
    expect(html).toMatch(
      /<tfoot[^>]*><tr[^>]*><th scope="row" colSpan="1"[^>]*>Total<\/th><td[^>]*>€3.00<\/td><td colSpan="1"/,
    )
  })
})
