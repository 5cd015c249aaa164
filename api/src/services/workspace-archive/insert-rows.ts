// Writes archived rows as they were: new ids, references mapped, timestamps cast from their exact text
// (a JS Date would drop the microseconds), computed columns left to Postgres. A self-reference (an
// organization's parent) is linked once every row of the table exists, so order inside a table is free.
import type { Tx } from '@aura/db'
import { getTableColumns, type SQL, sql } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import { pgError } from '../../lib/db-errors.ts'
import { AppError } from '../../lib/problem.ts'
import { type ArchiveColumn, archiveColumns } from './archive-columns.ts'
import { archivedTable } from './archive-tables.ts'
import type { IdMap } from './id-map.ts'
import type { ArchiveRow } from './parse-archive.ts'

/** Bound parameters per statement stay well under Postgres' 65,535. */
const MAX_PARAMS = 20_000
const MAX_ROWS = 500

export function rowValues({
  table,
  row,
  ids,
  tenantId,
}: {
  table: string
  row: ArchiveRow
  ids: IdMap
  tenantId: string
}): Record<string, unknown> {
  const values: Record<string, unknown> = { tenantId }
  for (const c of writableColumns(table)) {
    if (!(c.key in row)) continue
    values[c.key] = restoredValue(table, c, row[c.key], ids)
  }
  return values
}

function restoredValue(table: string, c: ArchiveColumn, value: unknown, ids: IdMap): unknown {
  if (c.primaryKey) return ids.of(table, value as string)
  if (value === null) return null
  if (c.references === table) return null
  if (c.references) return ids.of(c.references, value as string)
  if (c.kind === 'uuid') return ids.loose(value as string)
  if (c.kind === 'jsonb') return ids.deep(value)
  if (c.kind === 'timestamptz') return sql`${value}::timestamptz`
  return value
}

const writableColumns = (table: string) => archiveColumns(table).filter((c) => !c.generated)

export const rowsPerStatement = (table: string) =>
  Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / (writableColumns(table).length + 1)))

export function batches<T>(rows: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size))
  return out
}

/** A row the database refuses (a check, a key, a value it cannot read) is the archive's fault: a 400. */
export async function asArchiveProblem<T>(table: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    const pg = pgError(err)
    if (!pg?.code || !/^2[23]/.test(pg.code)) throw err
    const why = pg.detail ?? (pg.constraint ? `Breaks ${pg.constraint}` : `Refused (SQLSTATE ${pg.code})`)
    throw new AppError('validation_failed', 'This archive cannot be restored', {
      errors: [{ field: `tables.${table}`, message: why }],
    })
  }
}

export async function insertRows(
  tx: Tx,
  { tenantId, table, rows, ids }: { tenantId: string; table: string; rows: ArchiveRow[]; ids: IdMap },
) {
  const entry = archivedTable(table)
  if (!entry) throw new Error(`${table} is not archived`)
  await asArchiveProblem(table, async () => {
    for (const batch of batches(rows, rowsPerStatement(table))) {
      // The values match the table's columns by construction; drizzle's row type cannot see that.
      await tx
        .insert(entry.table)
        .values(batch.map((r) => rowValues({ table, row: r, ids, tenantId })) as never)
    }
    await linkSelfReferences(tx, tenantId, table, rows, ids)
  })
}

async function linkSelfReferences(tx: Tx, tenantId: string, table: string, rows: ArchiveRow[], ids: IdMap) {
  const entry = archivedTable(table)
  if (!entry) return
  const columns = getTableColumns(entry.table) as Record<string, PgColumn>
  for (const c of archiveColumns(table).filter((col) => col.references === table)) {
    const linked = rows.filter((r) => typeof r[c.key] === 'string')
    for (const batch of batches(linked, MAX_ROWS)) {
      const pairs: SQL[] = batch.map(
        (r) => sql`(${ids.of(table, r.id as string)}::uuid, ${ids.of(table, r[c.key] as string)}::uuid)`,
      )
      await tx.execute(sql`update ${entry.table} set ${sql.identifier(c.name)} = link.target
        from (values ${sql.join(pairs, sql`, `)}) as link(id, target)
        where ${columns.tenantId} = ${tenantId} and ${columns.id} = link.id`)
    }
  }
}
