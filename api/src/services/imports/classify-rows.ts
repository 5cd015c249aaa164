// What each row of a batch will do: the decision shared by the preview and the run, so the preview shows
// exactly what the run then does.
import type { schema } from '@aura/db'
import type { FieldError } from '../../lib/problem.ts'
import type { ExistingRecord, PreparedRow } from './import-target.ts'

export type DedupeMode = (typeof schema.DEDUPE_MODES)[number]

export type RowPlan<V> =
  | { rowNo: number; action: 'create'; values: V }
  | { rowNo: number; action: 'update'; values: V; record: ExistingRecord }
  | { rowNo: number; action: 'skip'; reason: string }
  | { rowNo: number; action: 'reject'; errors: FieldError[] }

/**
 * A row with errors is rejected; one whose key matches a live record is skipped or updates it (mode), or,
 * in mode create, creates another where no unique key forbids it; a key seen earlier in the file is
 * skipped (the first row wins) unless the mode is create; any other row creates a record.
 */
export function classifyRows<V>(
  rows: { rowNo: number; prepared: PreparedRow<V> }[],
  existing: Map<string, ExistingRecord>,
  mode: DedupeMode,
  firstRowOfKey: Map<string, number>,
): RowPlan<V>[] {
  return rows.map(({ rowNo, prepared }): RowPlan<V> => {
    if (!prepared.ok) return { rowNo, action: 'reject', errors: prepared.errors }
    const { key, values, createErrors } = prepared
    if (key && mode !== 'create') {
      const first = firstRowOfKey.get(key)
      if (first !== undefined && first !== rowNo)
        return { rowNo, action: 'skip', reason: `Same record as row ${first}` }
      firstRowOfKey.set(key, rowNo)
      const record = existing.get(key)
      if (record && mode === 'skip') return { rowNo, action: 'skip', reason: 'Already exists' }
      if (record) return { rowNo, action: 'update', values, record }
    }
    if (createErrors.length > 0) return { rowNo, action: 'reject', errors: createErrors }
    return { rowNo, action: 'create', values }
  })
}

export const reasonOf = (errors: FieldError[]) => errors.map((e) => `${e.field}: ${e.message}`).join('; ')
