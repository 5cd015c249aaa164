// Overload protection for long-lived runtimes (Node): at most `max` API requests are in flight; beyond
// that a request is refused at once with 503 + Retry-After (a problem body, no database work, no log line)
// instead of queueing for the database pool until every client times out. Workers get one connection per
// request and skip this.
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../context.ts'
import { AppError, problemBody } from '../lib/problem.ts'

export interface LoadGauge {
  /** Admits a request (true) or refuses it (false); every admitted request must leave(). */
  tryEnter(): boolean
  leave(): void
  /** Seconds a refused client should wait. */
  retryAfterSeconds: number
}

/** A counter of requests in flight in this process. */
export function inFlightGauge(max: number, retryAfterSeconds = 1): LoadGauge & { readonly inFlight: number } {
  let inFlight = 0
  return {
    get inFlight() {
      return inFlight
    },
    tryEnter: () => {
      if (inFlight >= max) return false
      inFlight++
      return true
    },
    leave: () => {
      inFlight--
    },
    retryAfterSeconds,
  }
}

const BUSY = new AppError('unavailable', 'The service is busy; retry shortly')

export const shedLoad = (gauge: LoadGauge) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!gauge.tryEnter()) {
      return c.json(problemBody(BUSY), 503, {
        'Retry-After': String(gauge.retryAfterSeconds),
        'Content-Type': 'application/problem+json',
      })
    }
    try {
      await next()
    } finally {
      gauge.leave()
    }
  })
