// CSV imports (issue 15): the words and shapes the import pages share (the API's Import, as the web reads it).

export const IMPORT_ENTITIES = ['contact', 'organization'] as const
export type ImportEntity = (typeof IMPORT_ENTITIES)[number]

export const DEDUPE_MODES = [
  { value: 'skip', label: 'Skip rows that match an existing record' },
  { value: 'update', label: 'Update the existing record' },
  { value: 'create', label: 'Create a new record anyway' },
] as const
export type DedupeMode = (typeof DEDUPE_MODES)[number]['value']

export type ImportStatus = 'uploaded' | 'running' | 'done' | 'undoing' | 'undone'

export interface ImportCounts {
  created: number
  updated: number
  skipped: number
  rejected: number
}

export interface ImportSummary {
  id: string
  entity: ImportEntity
  status: ImportStatus
  fileName: string
  totalRows: number
  processedRows: number
  undoneRows: number
  counts: ImportCounts
  createdAt: string
  finishedAt: string | null
  undoneAt: string | null
}

export interface PreviewRow {
  rowNo: number
  cells: string[]
  action: 'create' | 'update' | 'skip' | 'reject'
  reason: string | null
  errors: { field: string; message: string; column: number | null }[]
}

/** The column a mapping error names (`mapping.3` → 3), or null for an error about the whole mapping. */
export function mappingColumn(field: string): number | null {
  const m = /^mapping\.(\d+)$/.exec(field)
  return m ? Number(m[1]) : null
}

/** The mapping a submitted form chose: `column.<i>` per column, "" for "Ignore this column". */
export function mappingFromForm(form: FormData, columns: number): (string | null)[] {
  return Array.from({ length: columns }, (_, i) => {
    const v = form.get(`column.${i}`)
    return typeof v === 'string' && v !== '' ? v : null
  })
}

export const ACTION_WORDS: Record<PreviewRow['action'], string> = {
  create: 'Create',
  update: 'Update',
  skip: 'Skip',
  reject: 'Reject',
}

export interface ImportDetail extends ImportSummary {
  columns: string[]
  mapping: (string | null)[]
  dedupeMode: DedupeMode
  fields: { key: string; label: string }[]
  mappingErrors: { field: string; message: string }[]
  preview: PreviewRow[]
}
