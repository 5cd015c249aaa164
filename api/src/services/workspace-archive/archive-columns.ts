// The columns of each archived table, read from the drizzle schema: how a value is written to the archive
// (timestamps with their microseconds, money and dates as exact strings) and which archived table a
// column's ids point into (from the composite foreign keys), so the restore can map every id.
import { getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm'
import { getTableConfig, type PgColumn } from 'drizzle-orm/pg-core'
import { ARCHIVED_TABLES, type ArchivedTable } from './archive-tables.ts'

export type ColumnKind =
  | 'uuid'
  | 'text'
  | 'integer'
  | 'boolean'
  | 'numeric'
  | 'timestamptz'
  | 'date'
  | 'jsonb'
  | 'text[]'
  | 'enum'
  | 'inet'

export interface ArchiveColumn {
  /** The property name (camelCase), the key in an archived row. */
  key: string
  name: string
  column: PgColumn
  kind: ColumnKind
  enumValues: readonly string[]
  nullable: boolean
  /** Absent from an archived row, the column takes its default (archives of an older schema). */
  hasDefault: boolean
  /** Computed by Postgres (full_name, extended_price): archived for readers, never written back. */
  generated: boolean
  primaryKey: boolean
  /** The archived table whose ids this column holds, from a foreign key `(tenant_id, col) → (tenant_id, id)`. */
  references: string | null
}

const KINDS: Record<string, ColumnKind> = {
  PgUUID: 'uuid',
  PgText: 'text',
  PgChar: 'text',
  PgInteger: 'integer',
  PgBoolean: 'boolean',
  PgNumeric: 'numeric',
  PgTimestamp: 'timestamptz',
  PgDateString: 'date',
  PgJsonb: 'jsonb',
  PgEnumColumn: 'enum',
  PgInet: 'inet',
}

function kindOf(column: PgColumn): ColumnKind {
  const type = column.getSQLType()
  if (column.columnType === 'PgArray' && type === 'text[]') return 'text[]'
  if (column.columnType === 'PgCustomColumn' && type === 'citext') return 'text'
  if (column.columnType === 'PgTimestamp' && type !== 'timestamp with time zone')
    throw new Error(`${column.name}: only timestamptz is archived exactly`)
  const kind = KINDS[column.columnType]
  if (!kind) throw new Error(`${column.name}: no archive format for ${column.columnType} (${type})`)
  return kind
}

/** column SQL name → referenced archived table, for single-id references led by tenant_id. */
function referencesOf(entry: ArchivedTable): Map<string, string> {
  const out = new Map<string, string>()
  for (const fk of getTableConfig(entry.table).foreignKeys) {
    const { columns, foreignColumns, foreignTable } = fk.reference()
    const target = getTableName(foreignTable)
    if (columns[0]?.name !== 'tenant_id' || target === 'tenants') continue
    columns.forEach((c, i) => {
      if (i > 0 && foreignColumns[i]?.name === 'id') out.set(c.name, target)
    })
  }
  return out
}

function describe(entry: ArchivedTable): ArchiveColumn[] {
  const refs = referencesOf(entry)
  return Object.entries(getTableColumns(entry.table) as Record<string, PgColumn>)
    .filter(([, c]) => c.name !== 'tenant_id' && !entry.omit?.[c.name])
    .map(([key, column]) => {
      const kind = kindOf(column)
      return {
        key,
        name: column.name,
        column,
        kind,
        enumValues: kind === 'enum' ? (column.enumValues ?? []) : [],
        nullable: !column.notNull,
        hasDefault: column.hasDefault,
        generated: column.generated !== undefined,
        primaryKey: column.primary,
        references: refs.get(column.name) ?? null,
      }
    })
}

const COLUMNS = new Map(ARCHIVED_TABLES.map((t) => [t.name, describe(t)]))

export function archiveColumns(table: string): ArchiveColumn[] {
  const columns = COLUMNS.get(table)
  if (!columns) throw new Error(`${table} is not an archived table`)
  return columns
}

/** The select list of a table's archive rows, aliased by key: timestamps as ISO 8601 UTC with microseconds, numbers exact as text. */
export function archiveSelectList(table: string): SQL {
  return sql.join(
    archiveColumns(table).map((c) => {
      const value =
        c.kind === 'timestamptz'
          ? sql`to_char(${c.column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
          : c.kind === 'numeric' || c.kind === 'date'
            ? sql`${c.column}::text`
            : sql`${c.column}`
      return sql`${value} as ${sql.identifier(c.key)}`
    }),
    sql`, `,
  )
}
