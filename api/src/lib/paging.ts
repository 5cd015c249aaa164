// Keyset paging shared by list endpoints: newest first by (created_at, id). The cursor is the id of the
// last row returned; its created_at is read back from the database, so microsecond precision survives
// (a JavaScript Date would truncate it and skip or repeat rows created in the same millisecond).
import { z } from '@hono/zod-openapi'
import { type SQL, sql } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'

export const ZPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.uuid('Use the nextCursor of the previous page').optional(),
})

export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.uuid().nullable() })

/** Rows strictly after the cursor row in (created_at desc, id desc) order. */
export function afterCursor(
  table: PgTable,
  cols: { createdAt: PgColumn; id: PgColumn },
  cursor: string | undefined,
): SQL | undefined {
  if (!cursor) return undefined
  return sql`(${cols.createdAt}, ${cols.id}) < (select c.created_at, c.id from ${table} c where c.id = ${cursor})`
}

/** Callers fetch limit + 1 rows; the extra one only says whether another page exists. */
export function toPage<T extends { id: string }>(rows: T[], limit: number) {
  const data = rows.slice(0, limit)
  return { data, nextCursor: rows.length > limit ? (data.at(-1)?.id ?? null) : null }
}

export const iso = (d: Date | null): string | null => (d ? d.toISOString() : null)
