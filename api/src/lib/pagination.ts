// Keyset pagination, one shape for every list: `?limit=` (25 default, 100 max) and an opaque `?cursor=`;
// responses are `{ data, nextCursor }`. The cursor carries the last row's sort key and id (the tiebreak).
// A timestamp key travels as Postgres text with microseconds (a JavaScript Date would truncate them and
// skip or repeat rows written in the same millisecond). A cursor that does not decode is a 400 naming it.
import { z } from '@hono/zod-openapi'
import { type AnyColumn, type SQL, sql } from 'drizzle-orm'
import { base64url } from 'oslo/encoding'
import { isRealDate } from './dates.ts'
import { AppError } from './problem.ts'
import { badCharacter } from './text.ts'

export const ZListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25).openapi({ example: 25 }),
  cursor: z.string().max(500).optional(),
})

export const ZPage = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable() })

export type CursorKey = [sortValue: string | number | null, id: string]

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** UTF-8, then unpadded base64url: a name key such as "Łódź" is a cursor too (btoa threw on it: a 500). */
export function encodeCursor(key: CursorKey): string {
  return base64url.encode(new TextEncoder().encode(JSON.stringify(key)), { includePadding: false })
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

export const invalidCursor = (message = 'Use the nextCursor of a previous page') =>
  new AppError('validation_failed', 'The cursor is not valid', { errors: [{ field: 'cursor', message }] })

/**
 * The key of a cursor, or null without one. The id must be a UUID and `sortValue` pass `check` (when
 * given), so a damaged cursor is a 400 rather than a failed cast (500) in SQL, or a page 1 from a key
 * that merely compares (every list passes a `check`: the cursor is the client's to tamper with).
 */
export function decodeCursor(
  cursor: string | undefined,
  check?: (sortValue: CursorKey[0]) => boolean,
): CursorKey | null {
  if (!cursor) return null
  let key: unknown
  try {
    key = JSON.parse(utf8.decode(base64url.decode(cursor, { strict: false })))
  } catch {}
  if (
    Array.isArray(key) &&
    key.length === 2 &&
    typeof key[1] === 'string' &&
    UUID.test(key[1]) &&
    (key[0] === null ||
      (typeof key[0] === 'string' && badCharacter(key[0]) === null) ||
      typeof key[0] === 'number') &&
    (!check || check(key[0]))
  )
    return key as CursorKey
  throw invalidCursor()
}

/** Fetch limit + 1 rows; this trims the extra one and makes the cursor from the last row kept. */
export function toPage<T>(rows: T[], limit: number, key: (row: T) => CursorKey) {
  const data = rows.slice(0, limit)
  const last = data[data.length - 1]
  return { data, nextCursor: rows.length > limit && last ? encodeCursor(key(last)) : null }
}

const TS_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SS.US'

/** A timestamptz as cursor text: UTC, microseconds intact, the same whatever the session's DateStyle. */
export const timestampKey = (ts: AnyColumn | SQL) =>
  sql<string>`to_char(${ts} at time zone 'UTC', ${TS_FORMAT})`
/** The text `timestampKey` made, back as a timestamptz. */
export const fromTimestampKey = (key: string) => sql`(${key}::timestamp at time zone 'UTC')`
export const isTimestampKey = (v: unknown): v is string =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/.test(v) && isRealDate(v)
/** A text sort key (a name): any string; a number or null is damage, not a name. */
export const isTextKey = (v: unknown): v is string => typeof v === 'string'

/**
 * Newest first on (ts, id): select `key` as each row's cursor key, filter with `after`, order by `orderBy`.
 * `desc nulls last` because drizzle-kit writes `.desc()` indexes that way; a plain `desc` (nulls first)
 * does not match them and sorts every row instead (ADR 0051).
 */
export const newestFirst = (ts: AnyColumn | SQL, id: AnyColumn | SQL, cursor: string | undefined) =>
  byTime(ts, id, cursor, 'desc')

/** Soonest first on (ts, id), for a NOT NULL timestamp on an ascending index (tasks by due time). */
export const soonestFirst = (ts: AnyColumn | SQL, id: AnyColumn | SQL, cursor: string | undefined) =>
  byTime(ts, id, cursor, 'asc')

function byTime(ts: AnyColumn | SQL, id: AnyColumn | SQL, cursor: string | undefined, dir: 'asc' | 'desc') {
  const from = decodeCursor(cursor, isTimestampKey)
  const past = dir === 'desc' ? sql`<` : sql`>`
  const order = dir === 'desc' ? sql`desc nulls last` : sql`asc`
  return {
    key: timestampKey(ts),
    after: from
      ? sql`(${ts}, ${id}) ${past} (${fromTimestampKey(String(from[0]))}, ${from[1]}::uuid)`
      : undefined,
    orderBy: [sql`${ts} ${order}`, sql`${id} ${order}`] as const,
  }
}
