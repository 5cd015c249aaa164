// Whether the database answers, as requests see it, so an outage costs two log lines (down, then up
// again with how long and how many requests were refused) instead of one line per failed request.
// Per process (per isolate on Workers); it only decides what to log, never how to answer.
import type { Logger } from './logger.ts'

let downSince: number | null = null
let refused = 0

/** A request failed because the database is unreachable or timed out. */
export function noteDatabaseDown(log: Logger, kind: string, error: string) {
  refused++
  if (downSince !== null) return
  downSince = Date.now()
  log.error('database unavailable: answering 503 until it is back', { kind, error })
}

/** A request that used the database succeeded. */
export function noteDatabaseUp(log: Logger) {
  if (downSince === null) return
  log.warn('database available again', { downMs: Date.now() - downSince, refused })
  downSince = null
  refused = 0
}

export const databaseSeemsDown = () => downSince !== null
