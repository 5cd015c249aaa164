// Lighthouse audit details (tables, opportunities, lists, nodes) as lines of text for the report.

interface Heading {
  key?: string | null
  valueType?: string
  subItemsHeading?: { key?: string; valueType?: string }
}

export const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`

function formatValue(value: unknown, valueType?: string): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') {
    if (valueType === 'bytes') return kib(value)
    if (valueType === 'ms' || valueType === 'timespanMs') return `${Math.round(value)} ms`
    return Number.isInteger(value) ? String(value) : value.toFixed(3)
  }
  if (typeof value === 'string') return value
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>
    if (v.type === 'node') {
      const snippet = String(v.snippet ?? '')
        .replace(/\s+/g, ' ')
        .slice(0, 160)
      const parts = [`\`${v.selector ?? '?'}\``, snippet]
      if (v.nodeLabel) parts.push(`"${String(v.nodeLabel).slice(0, 80)}"`)
      if (v.explanation) parts.push(`— ${String(v.explanation).replace(/\s+/g, ' ').slice(0, 300)}`)
      return parts.filter(Boolean).join(' ')
    }
    if (v.type === 'source-location') return `${v.url}:${Number(v.line) + 1}:${Number(v.column) + 1}`
    if (v.type === 'url' || v.type === 'code' || v.type === 'text') return String(v.value)
    if (v.type === 'numeric' || v.type === 'ms' || v.type === 'bytes')
      return formatValue(v.value, v.granularity !== undefined ? valueType : String(v.type))
    if (v.type === 'link') return `${v.text} (${v.url})`
  }
  return JSON.stringify(value).slice(0, 200)
}

/** One text line per item of a table/opportunity/list detail (recursing into lists and sub-items). */
export function itemLines(details: unknown): string[] {
  if (!details || typeof details !== 'object') return []
  const d = details as { type?: string; items?: unknown[]; headings?: Heading[] }
  if (d.type === 'list') return (d.items ?? []).flatMap(itemLines)
  if (d.type !== 'table' && d.type !== 'opportunity') return []
  const headings = (d.headings ?? []).filter((h) => h.key)
  const lines: string[] = []
  for (const raw of d.items ?? []) {
    const item = raw as Record<string, unknown>
    const cells = headings.map((h) => formatValue(item[h.key as string], h.valueType)).filter(Boolean)
    const extra = ['wastedBytes', 'wastedMs']
      .filter((k) => typeof item[k] === 'number' && !headings.some((h) => h.key === k))
      .map((k) => `${k}=${formatValue(item[k], k === 'wastedBytes' ? 'bytes' : 'ms')}`)
    lines.push([...cells, ...extra].join(' · '))
    const sub = item.subItems as { items?: Record<string, unknown>[] } | undefined
    for (const s of sub?.items ?? []) {
      const subCells = headings
        .map((h) => {
          const key = h.subItemsHeading?.key
          return key ? formatValue(s[key], h.subItemsHeading?.valueType ?? h.valueType) : ''
        })
        .filter(Boolean)
      if (subCells.length) lines.push(`    ↳ ${subCells.join(' · ')}`)
    }
  }
  return lines
}
