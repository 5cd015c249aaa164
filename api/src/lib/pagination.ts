// Keyset pagination, one shape for every list: `?limit=` (25 default, 100 max) and an opaque `?cursor=`;
// responses are `{ data, nextCursor }`. The cursor carries the last row's sort key and id (the tiebreak).
import { z } from '@hono/zod-openapi'
import { AppError } from './problem.ts'

export const ZListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25).openapi({ example: 25 }),
  cursor: z.string().max(500).optional(),
})

export const ZPage = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable() })

export type CursorKey = [sortValue: string | number | null, id: string]

export function encodeCursor(key: CursorKey): string {
  return btoa(JSON.stringify(key)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
}

export function decodeCursor(cursor: string | undefined): CursorKey | null {
  if (!cursor) return null
  try {
    const key: unknown = JSON.parse(atob(cursor.replaceAll('-', '+').replaceAll('_', '/')))
    if (Array.isArray(key) && key.length === 2 && typeof key[1] === 'string') return key as CursorKey
  } catch {}
  throw new AppError('validation_failed', 'The cursor is not valid', {
    errors: [{ field: 'cursor', message: 'Use the nextCursor of a previous page' }],
  })
}

/** Fetch limit + 1 rows; this trims the extra one and makes the cursor from the last row kept. */
export function toPage<T>(rows: T[], limit: number, key: (row: T) => CursorKey) {
  const data = rows.slice(0, limit)
  const last = data[data.length - 1]
  return { data, nextCursor: rows.length > limit && last ? encodeCursor(key(last)) : null }
}
