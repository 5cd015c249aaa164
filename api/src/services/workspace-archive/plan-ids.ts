// New ids for every archived row, and every reference checked against them, before anything is written:
// a duplicate id, a dangling reference or two people with one email is a 400 naming the row.
import { AppError, type FieldError } from '../../lib/problem.ts'
import { archiveColumns } from './archive-columns.ts'
import { IdMap } from './id-map.ts'
import type { ParsedArchive } from './parse-archive.ts'

const MAX_ERRORS = 20

export function planIds(archive: ParsedArchive, targetTenantId: string): IdMap {
  const ids = new IdMap(archive.workspace.id, targetTenantId)
  const errors: FieldError[] = []
  const note = (field: string, message: string) => {
    if (errors.length < MAX_ERRORS) errors.push({ field, message })
  }
  for (const { name, rows } of archive.tables) {
    rows.forEach((row, i) => {
      if (!ids.assign(name, row.id as string)) note(`tables.${name}[${i}].id`, 'Another row has this id')
    })
  }
  for (const { name, rows } of archive.tables) {
    const references = archiveColumns(name).filter((c) => c.references)
    rows.forEach((row, i) => {
      for (const c of references) {
        const value = row[c.key]
        if (typeof value === 'string' && !ids.has(c.references as string, value))
          note(
            `tables.${name}[${i}].${c.key}`,
            `Refers to a row of ${c.references} that is not in the archive`,
          )
      }
    })
  }
  const emails = new Set<string>()
  archive.tables
    .find((t) => t.name === 'users')
    ?.rows.forEach((row, i) => {
      const email = String(row.email).toLowerCase()
      if (emails.has(email)) note(`tables.users[${i}].email`, 'Another person in the archive has this email')
      emails.add(email)
    })
  if (errors.length > 0)
    throw new AppError('validation_failed', 'This archive cannot be restored', { errors })
  return ids
}
