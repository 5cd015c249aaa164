// Workers: there is no long-running loop, so after a successful write (which may have queued mail) the
// outbox is drained in the background with executionCtx.waitUntil. On Node (no execution context) this
// does nothing: startEmailDispatcher runs there. Retries of failed mail happen on the next such request.
import { createMiddleware } from 'hono/factory'
import type { AppEnv, Deps } from '../context.ts'
import type { EmailTransport } from '../lib/email/transport.ts'
import { dispatchEmails } from '../services/email/dispatch-emails.ts'

export const dispatchInBackground = (deps: Deps, transport: EmailTransport) =>
  createMiddleware<AppEnv>(async (c, next) => {
    await next()
    if (c.req.method === 'GET' || c.res.status >= 400) return
    let ctx: { waitUntil(p: Promise<unknown>): void } | undefined
    try {
      ctx = c.executionCtx
    } catch {
      return // Node: no execution context
    }
    ctx.waitUntil(
      dispatchEmails(deps.db, transport, { limit: 10, logger: c.get('log') }).catch((err: Error) =>
        c.get('log').error('background email dispatch failed', { error: err.name }),
      ),
    )
  })
