// Which column fills which field: guessed from the header, corrected by the member, checked before a run.
import type { FieldError } from '../../lib/problem.ts'
import { headerKey } from './import-cells.ts'
import type { ImportField, MappedRow } from './import-target.ts'

export type Mapping = (string | null)[]

/** Each column to the first field whose key, label or alias its header matches, each field at most once. */
export function suggestMapping(columns: string[], fields: ImportField[]): Mapping {
  const taken = new Set<string>()
  return columns.map((header) => {
    const key = headerKey(header)
    const field = fields.find(
      (f) =>
        !taken.has(f.key) &&
        (f.aliases.includes(key) || headerKey(f.key) === key || headerKey(f.label) === key),
    )
    if (!field) return null
    taken.add(field.key)
    return field.key
  })
}

/** Problems with a mapping, each naming `mapping.<column index>` or `mapping`. */
export function mappingErrors(
  mapping: Mapping,
  columns: string[],
  fields: ImportField[],
  requiredOneOf: string[],
) {
  const errors: FieldError[] = []
  if (mapping.length !== columns.length)
    errors.push({
      field: 'mapping',
      message: `Give a field (or null) for each of the ${columns.length} columns`,
    })
  const known = new Set(fields.map((f) => f.key))
  const seen = new Map<string, number>()
  mapping.forEach((field, i) => {
    if (field === null) return
    if (!known.has(field))
      errors.push({ field: `mapping.${i}`, message: `"${field}" is not a field you can import` })
    else if (seen.has(field))
      errors.push({
        field: `mapping.${i}`,
        message: `Column ${(seen.get(field) ?? 0) + 1} already fills this field`,
      })
    else seen.set(field, i)
  })
  if (!requiredOneOf.some((f) => seen.has(f))) {
    const labels = requiredOneOf.map((k) => fields.find((f) => f.key === k)?.label ?? k)
    errors.push({ field: 'mapping', message: `Map a column to ${labels.join(' or ')}` })
  }
  return errors
}

/** A row's non-empty cells by field. */
export function mapRow(cells: string[], mapping: Mapping): MappedRow {
  const row: MappedRow = {}
  mapping.forEach((field, i) => {
    const cell = cells[i]?.trim()
    if (field && cell) row[field] = cell
  })
  return row
}

/** The column an error is about: the column mapped to its field (custom fields and split names included). */
export function columnOf(mapping: Mapping, field: string): number | null {
  const i = mapping.indexOf(field)
  if (i >= 0) return i
  if ((field === 'firstName' || field === 'lastName') && mapping.includes('fullName'))
    return mapping.indexOf('fullName')
  return null
}
