// Cells are text; fields are typed. What each cell becomes before the write's own checks see it.
import type { CustomFieldRule } from '../custom-fields/validate-custom-fields.ts'
import type { ImportField, MappedRow } from './import-target.ts'

const CUSTOM = 'customFields.'

/** The custom fields a column can fill, named `customFields.<key>`, matched by key or label. */
export const customImportFields = (rules: CustomFieldRule[]): ImportField[] =>
  rules.map((r) => ({
    key: `${CUSTOM}${r.key}`,
    label: r.label,
    aliases: [headerKey(r.key), headerKey(r.label)],
  }))

/** A header cell as aliases are written: lower-case letters and digits only ("E-mail address" → emailaddress). */
export const headerKey = (header: string) => header.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')

/**
 * The row's custom field cells as values: numbers written with a decimal comma or point become numbers
 * (anything else stays text, and the custom field check names it); other types stay text.
 */
export function customValues(rules: CustomFieldRule[], row: MappedRow): Record<string, unknown> | undefined {
  const values: Record<string, unknown> = {}
  for (const [field, cell] of Object.entries(row)) {
    if (!field.startsWith(CUSTOM)) continue
    const key = field.slice(CUSTOM.length)
    const rule = rules.find((r) => r.key === key)
    const text = cell.trim()
    values[key] =
      rule?.type === 'number' && /^-?\d+([.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : text
  }
  return Object.keys(values).length > 0 ? values : undefined
}

/** A full name split at its last space: "Ada King Lovelace" → Ada King / Lovelace. */
export function splitName(full: string): { firstName: string; lastName?: string } {
  const name = full.trim().replace(/\s+/g, ' ')
  const at = name.lastIndexOf(' ')
  return at > 0 ? { firstName: name.slice(0, at), lastName: name.slice(at + 1) } : { firstName: name }
}
