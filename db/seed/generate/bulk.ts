// Multi-row inserts as `INSERT … SELECT * FROM unnest($1::uuid[], $2::text[], …)`: one statement and one
// parameter per column for a few thousand rows. Arrays travel as Postgres array literals we encode
// ourselves, so node-postgres, PGlite and Neon all receive the same text and no driver-specific array
// serialisation is involved (PGlite has none for extension types such as citext).
import { type SQL, sql } from 'drizzle-orm'
import type { Executor } from '../executor.ts'

export type Value = string | number | boolean | null
/** Column name → Postgres element type of the unnest array (a trusted constant, never user input). */
export type Columns = Record<string, string>

/** Anything that renders one INSERT (a Batch of any table). */
export interface Insert {
  statement(): SQL | undefined
}

export class Batch<C extends Columns> implements Insert {
  readonly data: Value[][]
  private readonly names: (keyof C & string)[]
  length = 0

  constructor(
    readonly table: string,
    readonly columns: C,
  ) {
    this.names = Object.keys(columns) as (keyof C & string)[]
    this.data = this.names.map(() => [])
  }

  push(row: { [K in keyof C]: Value }): void {
    for (let i = 0; i < this.names.length; i++) this.data[i]?.push(row[this.names[i] as keyof C])
    this.length++
  }

  /** The INSERT for the rows pushed so far; undefined when empty. */
  statement(): SQL | undefined {
    if (!this.length) return undefined
    const arrays = this.names.map(
      (name, i) => sql`${arrayLiteral(this.data[i] ?? [])}::${sql.raw(this.columns[name] ?? 'text')}[]`,
    )
    return sql`insert into ${sql.identifier(this.table)} (${sql.raw(this.names.map((n) => `"${n}"`).join(', '))})
      select * from unnest(${sql.join(arrays, sql`, `)})`
  }
}

function element(v: Value): string {
  if (v === null) return 'NULL'
  if (typeof v === 'number') return String(v)
  if (typeof v === 'boolean') return v ? 't' : 'f'
  return `"${v.replace(/[\\"]/g, '\\$&')}"`
}

/** A one-dimensional Postgres array literal: {"a","b\"c",NULL,3}. */
export function arrayLiteral(values: readonly Value[]): string {
  return `{${values.map(element).join(',')}}`
}

/**
 * One statement for several batches (parents first) as data-modifying CTEs: a chunk of deals, their lines
 * and their history cost one round trip, and foreign keys, when checked, are checked at its end.
 */
export function combined(batches: readonly Insert[]): SQL | undefined {
  const parts = batches.map((b) => b.statement()).filter((s): s is SQL => s !== undefined)
  const last = parts.pop()
  if (!last || !parts.length) return last
  return sql`with ${sql.join(
    parts.map((p, i) => sql`${sql.raw(`b${i}`)} as (${p})`),
    sql`, `,
  )} ${last}`
}

/** Inserts chunk after chunk; the next chunk is generated while the server stores the previous one. */
export async function pump(db: Executor, chunks: Iterable<readonly Insert[]>): Promise<void> {
  let pending: Promise<unknown> = Promise.resolve()
  for (const batches of chunks) {
    await pending
    const statement = combined(batches)
    if (!statement) continue
    // drizzle's execute() is a lazy thenable that runs on every then(): settle it into one real promise.
    pending = Promise.resolve(db.execute(statement))
    // Handled by the await above on the next turn; this only stops Node reporting it as unhandled meanwhile.
    pending.catch(() => {})
    // Let the statement reach the socket before the generator takes the CPU for the next chunk.
    await new Promise((resolve) => setImmediate(resolve))
  }
  await pending
}
