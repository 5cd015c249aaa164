// Cloudflare Workers entry. Config, logger and the Hono app are built once per isolate; the database is
// opened per request, because Workers forbid reusing an I/O object (a WebSocket) across requests and a
// pool left open would outlive the request that made it. The app's `deps.db` is a stand-in that forwards
// to the current request's drizzle instance, found through AsyncLocalStorage (so concurrent requests in
// one isolate never share a connection). See docs/decisions/0020-workers-runtime-and-neon.md.
import { AsyncLocalStorage } from 'node:async_hooks'
import type { Db } from '@aura/db'
import { connectNeon } from '@aura/db/neon'
import type { ExecutionContext } from 'hono'
import { createApp } from './app.ts'
import { type Config, databaseLimits, parseConfig } from './config.ts'
import { transportFromConfig } from './lib/email/transport.ts'
import { createLogger } from './lib/logger.ts'
import { dispatchEmails } from './services/email/dispatch-emails.ts'
import { workspaceOrigins } from './services/notifications/delivery-members.ts'
import { runNotificationJobs } from './services/notifications/run-notification-jobs.ts'
import { purgeDeletedTenants } from './services/platform/purge-deleted-tenants.ts'

/** Bindings: `vars` from wrangler.toml, secrets set with `wrangler secret put`. */
export interface WorkerEnv {
  /** Secret. The Neon connection string (its pooled host). */
  DATABASE_URL?: string
  /** Local dev and tests only: `host:port` of the WebSocket→TCP relay in front of a plain Postgres. */
  NEON_WS_PROXY?: string
  ROOT_DOMAIN?: string
  LOG_LEVEL?: string
  NODE_ENV?: string
  /** Secret. */
  RESEND_API_KEY?: string
  EMAIL_FROM?: string
}

type App = ReturnType<typeof createApp>

const requestDb = new AsyncLocalStorage<Db>()

/** Forwards every use to the drizzle instance of the request in progress. */
const db = new Proxy({} as Db, {
  get(_target, prop) {
    const current = requestDb.getStore()
    if (!current) throw new Error('No database outside a request')
    const value: unknown = Reflect.get(current, prop, current)
    return typeof value === 'function' ? value.bind(current) : value
  },
})

// Keyed by the bindings object: one app per isolate in production, one per env in tests.
const apps = new WeakMap<WorkerEnv, { app: App; config: Config }>()

function appFor(env: WorkerEnv): { app: App; config: Config } {
  let entry = apps.get(env)
  if (!entry) {
    const config = parseConfig(env as Record<string, unknown>)
    entry = { app: createApp({ db, config, logger: createLogger(config.LOG_LEVEL) }), config }
    apps.set(env, entry)
  }
  return entry
}

/** wrangler.toml's hourly trigger; the every-minute one only drains the outbox. */
const PURGE_CRON = '17 * * * *'

export default {
  /**
   * Cron Triggers (wrangler.toml). Every minute: drain the email outbox, so mail queued by a request whose
   * background send failed, or retried after backoff, leaves without waiting for the next write request;
   * and remind tasks now due and make the digests due now (ADR 0171: idempotent, so an overlapping run
   * sends nothing twice; their mail leaves with the next drain). Hourly: also hard-delete tenants whose
   * retention period has ended (F1.8).
   */
  async scheduled(event: { cron: string }, env: WorkerEnv, ctx: ExecutionContext): Promise<void> {
    if (!env.DATABASE_URL) return
    const config = parseConfig(env as Record<string, unknown>)
    const logger = createLogger(config.LOG_LEVEL)
    const neon = connectNeon(env.DATABASE_URL, { wsProxy: env.NEON_WS_PROXY, limits: databaseLimits(config) })
    const work: Promise<unknown>[] = [
      dispatchEmails(neon.db, transportFromConfig(config, logger), { limit: 50, logger }).then((r) => {
        if (r.sent + r.failed > 0) logger.info('outbox drained', { ...r })
      }),
      runNotificationJobs(neon.db, { originOf: workspaceOrigins(config.ROOT_DOMAIN), logger }),
    ]
    if (event.cron === PURGE_CRON)
      work.push(
        purgeDeletedTenants(neon.db).then((purged) =>
          logger.info('tenants purged', { count: purged.length }),
        ),
      )
    ctx.waitUntil(
      Promise.allSettled(work)
        .then((results) => {
          for (const r of results)
            if (r.status === 'rejected')
              logger.error('scheduled work failed', { error: (r.reason as Error).name })
        })
        .finally(() => neon.close()),
    )
  },

  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set (wrangler secret put DATABASE_URL)')
    const { app, config } = appFor(env)
    const neon = connectNeon(env.DATABASE_URL, { wsProxy: env.NEON_WS_PROXY, limits: databaseLimits(config) })
    // Background work after the response (e.g. sending the email a request queued) still needs the
    // pool: collect it, and close the pool only once all of it has settled.
    const background: Promise<unknown>[] = []
    const requestCtx: ExecutionContext = {
      waitUntil: (p) => void background.push(p),
      passThroughOnException: () => ctx.passThroughOnException(),
      props: ctx.props,
    }
    try {
      // Cloudflare sets cf-connecting-ip itself (a client's own value is replaced), so here it is a fact.
      const aura = { clientIp: request.headers.get('cf-connecting-ip'), countsTowardUserLimit: true }
      return await requestDb.run(neon.db, () => app.fetch(request, { ...env, aura }, requestCtx))
    } finally {
      ctx.waitUntil(Promise.allSettled(background).then(() => neon.close()))
    }
  },
}
