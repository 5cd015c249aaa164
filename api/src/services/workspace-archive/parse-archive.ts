// Reads an uploaded archive before anything is written: the envelope (another format is a 400, another
// version a 422), the workspace settings, and every value of every row against its column, so a bad
// archive is refused naming the field (`tables.deals[3].amount`) instead of failing halfway in Postgres.
import { z } from 'zod'
import { AppError, type FieldError } from '../../lib/problem.ts'
import { isTimeZone } from '../../lib/time-zone.ts'
import { type ArchiveColumn, archiveColumns } from './archive-columns.ts'
import { ARCHIVE_FORMAT, ARCHIVE_VERSION } from './archive-format.ts'
import { ARCHIVED_TABLES } from './archive-tables.ts'

export type ArchiveRow = Record<string, unknown>

const ZArchiveWorkspace = z.object({
  id: z.uuid('Not a valid id'),
  slug: z.string(),
  companyName: z.string().trim().min(1, 'Enter the company name').max(120),
  logoUrl: z.string().max(2048).nullable(),
  industry: z.string().max(80).nullable(),
  timezone: z.string().refine(isTimeZone, 'Not an IANA time zone'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter ISO currency code'),
  retentionDays: z.number().int().min(1).max(3650),
})

export type ArchiveWorkspace = z.infer<typeof ZArchiveWorkspace>

export interface ParsedArchive {
  exportedAt: string
  workspace: ArchiveWorkspace
  /** Every archived table, in restore order. */
  tables: { name: string; rows: ArchiveRow[] }[]
}

const MAX_ERRORS = 20
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/
const DECIMAL = /^-?\d{1,20}(\.\d{1,10})?$/
const DATE = /^\d{4}-\d{2}-\d{2}$/
const INT32 = 2_147_483_647

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Why a value does not fit its column, or null when it does. */
function problemWith(column: ArchiveColumn, value: unknown): string | null {
  if (value === null) return column.nullable || column.generated ? null : 'Must not be null'
  switch (column.kind) {
    case 'uuid':
      return typeof value === 'string' && UUID.test(value) ? null : 'Not a valid id'
    case 'text':
    case 'inet':
      return typeof value === 'string' ? null : 'Must be a string'
    case 'integer':
      return Number.isInteger(value) && Math.abs(value as number) <= INT32 ? null : 'Must be a whole number'
    case 'boolean':
      return typeof value === 'boolean' ? null : 'Must be true or false'
    case 'numeric':
      return typeof value === 'string' && DECIMAL.test(value)
        ? null
        : 'Must be a decimal string such as "12.50"'
    case 'timestamptz':
      return typeof value === 'string' && TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : 'Must be an ISO 8601 timestamp'
    case 'date':
      return typeof value === 'string' && DATE.test(value) ? null : 'Must be a date (YYYY-MM-DD)'
    case 'text[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string')
        ? null
        : 'Must be a list of strings'
    case 'enum':
      return column.enumValues.includes(value as string)
        ? null
        : `Must be one of ${column.enumValues.join(', ')}`
    case 'jsonb':
      return null
  }
}

function checkRows(table: string, value: unknown, errors: FieldError[]): ArchiveRow[] {
  if (!Array.isArray(value)) {
    errors.push({ field: `tables.${table}`, message: 'Must be a list of rows' })
    return []
  }
  const columns = archiveColumns(table)
  const known = new Set(columns.map((c) => c.key))
  for (const [i, row] of (value as unknown[]).entries()) {
    if (errors.length >= MAX_ERRORS) break
    const at = `tables.${table}[${i}]`
    if (!isObject(row)) {
      errors.push({ field: at, message: 'Must be an object' })
      continue
    }
    for (const c of columns) {
      if (!(c.key in row)) {
        if (!(c.nullable || c.hasDefault || c.generated) || c.primaryKey)
          errors.push({ field: `${at}.${c.key}`, message: 'Missing' })
        continue
      }
      const problem = problemWith(c, row[c.key])
      if (problem) errors.push({ field: `${at}.${c.key}`, message: problem })
    }
    for (const key of Object.keys(row)) {
      if (!known.has(key)) errors.push({ field: `${at}.${key}`, message: 'Not a column of this table' })
    }
  }
  return value as ArchiveRow[]
}

function refuse(errors: FieldError[]): never {
  throw new AppError('validation_failed', 'This archive cannot be restored', {
    errors: errors.slice(0, MAX_ERRORS),
  })
}

export function parseArchive(input: unknown): ParsedArchive {
  if (!isObject(input) || input.format !== ARCHIVE_FORMAT)
    refuse([{ field: 'format', message: `Not a workspace archive (expected "${ARCHIVE_FORMAT}")` }])
  if (input.version !== ARCHIVE_VERSION) {
    throw new AppError('unprocessable', `This server restores archives of version ${ARCHIVE_VERSION} only`, {
      errors: [{ field: 'version', message: `Version ${String(input.version)} is not supported` }],
    })
  }
  const errors: FieldError[] = []
  const exportedAt = input.exportedAt
  if (typeof exportedAt !== 'string' || Number.isNaN(Date.parse(exportedAt)))
    errors.push({ field: 'exportedAt', message: 'Must be an ISO 8601 timestamp' })
  const workspace = ZArchiveWorkspace.safeParse(input.workspace)
  if (!workspace.success) {
    for (const issue of workspace.error.issues)
      errors.push({ field: ['workspace', ...issue.path.map(String)].join('.'), message: issue.message })
  }
  const tables = isObject(input.tables) ? input.tables : {}
  if (!isObject(input.tables)) errors.push({ field: 'tables', message: 'Must be an object of tables' })
  for (const name of Object.keys(tables)) {
    if (!ARCHIVED_TABLES.some((t) => t.name === name))
      errors.push({ field: `tables.${name}`, message: 'Not a table this version archives' })
  }
  const parsed = ARCHIVED_TABLES.map(({ name }) => {
    if (!(name in tables)) {
      errors.push({ field: `tables.${name}`, message: 'Missing' })
      return { name, rows: [] }
    }
    return { name, rows: checkRows(name, tables[name], errors) }
  })
  if (errors.length > 0 || !workspace.success) refuse(errors)
  return { exportedAt: exportedAt as string, workspace: workspace.data, tables: parsed }
}
