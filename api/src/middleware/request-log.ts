import { createMiddleware } from 'hono/factory'
import type { AppEnv, Deps } from '../context.ts'
import { databaseSeemsDown, noteDatabaseUp } from '../lib/db-availability.ts'
import { REQUEST_ID_HEADER, requestIdFrom } from '../lib/request-id.ts'

/** Gives each request an id (a well-formed incoming X-Request-Id is kept) and logs one line per response. */
export const requestLog = (deps: Deps) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const requestId = requestIdFrom(c.req.header(REQUEST_ID_HEADER))
    const log = deps.logger.child({ requestId })
    c.set('requestId', requestId)
    c.set('log', log)
    const started = performance.now()
    await next()
    // A success after an outage: nearly every 2xx answer read the database.
    if (databaseSeemsDown() && c.res.status >= 200 && c.res.status < 300) noteDatabaseUp(log)
    c.header(REQUEST_ID_HEADER, requestId)
    // Path only: query strings can carry search terms and emails.
    c.get('log').info('request', {
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    })
  })
