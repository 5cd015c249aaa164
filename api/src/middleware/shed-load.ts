// Overload protection for long-lived runtimes (Node): at most `maxInFlight` API requests run at once; the
// next ones wait in a bounded FIFO for at most `maxWaitMs`, and a request that finds the queue full or
// waits too long is answered 503 + Retry-After (a problem body, no database work, no log line). Waiting
// instead of refusing at once keeps clients that retry immediately from turning the refusals themselves
// into the load. Workers get one connection per request and skip this. A web page is admitted once, as a
// whole (web/server/admission.ts): the API calls its loaders make in-process pass straight through.
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../context.ts'
import type { LoadGauge } from '../lib/load-gauge.ts'
import { AppError, problemBody } from '../lib/problem.ts'

/** The gauge's shape lives in lib/ (context.ts needs it); the web server names it from here, beside its maker. */
export type { LoadGauge }

export interface AdmissionLimits {
  maxInFlight: number
  maxQueue: number
  maxWaitMs: number
  retryAfterSeconds?: number
}

/** Requests in flight in this process, with a bounded, time-limited queue in front. */
export function admissionGauge(
  limits: AdmissionLimits,
): LoadGauge & { readonly inFlight: number; readonly queued: number } {
  let inFlight = 0
  const queue: { admit: () => void }[] = []
  return {
    get inFlight() {
      return inFlight
    },
    get queued() {
      return queue.length
    },
    enter() {
      if (inFlight < limits.maxInFlight && queue.length === 0) {
        inFlight++
        return true
      }
      if (queue.length >= limits.maxQueue || limits.maxWaitMs <= 0) return false
      return new Promise<boolean>((resolve) => {
        const entry = {
          admit: () => {
            clearTimeout(timer)
            inFlight++
            resolve(true)
          },
        }
        const timer = setTimeout(() => {
          const at = queue.indexOf(entry)
          if (at >= 0) queue.splice(at, 1)
          resolve(false)
        }, limits.maxWaitMs)
        queue.push(entry)
      })
    },
    leave() {
      inFlight--
      if (inFlight < limits.maxInFlight) queue.shift()?.admit()
    },
    retryAfterSeconds: limits.retryAfterSeconds ?? 1,
  }
}

const BUSY = new AppError('unavailable', 'The service is busy; retry shortly')

export const shedLoad = (gauge: LoadGauge) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (c.env?.aura?.admitted) return next()
    if (!(await gauge.enter())) {
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
