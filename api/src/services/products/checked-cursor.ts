import { decodeCursor } from '../../lib/pagination.ts'
import { AppError } from '../../lib/problem.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** decodeCursor, plus: the id (and an integer sort key) must have the right type, or SQL would fail as a 500. */
export function checkedCursor(cursor: string | undefined, sortKind: 'any' | 'integer' = 'any') {
  const key = decodeCursor(cursor)
  if (key && (!UUID.test(key[1]) || (sortKind === 'integer' && !Number.isInteger(key[0])))) {
    throw new AppError('validation_failed', 'The cursor is not valid', {
      errors: [{ field: 'cursor', message: 'Use the nextCursor of a previous page' }],
    })
  }
  return key
}
