// Boots the in-process API for the web server: connect, migrate (waiting with backoff while the database
// cannot be reached), make sure the demo workspace exists (seedDemo is idempotent; SEED_DEMO=0 skips it,
// e.g. for a production database), start the email dispatcher and the notification jobs.
import { parseConfig } from '@aura/api/config'
import { databaseTrouble } from '@aura/api/lib/db-errors'
import { transportFromConfig } from '@aura/api/lib/email/transport'
import { createLogger, type Logger } from '@aura/api/lib/logger'
import { createNodeApi, type NodeApi } from '@aura/api/node'
import { startEmailDispatcher } from '@aura/api/services/email/start-email-dispatcher'
import { workspaceOrigins } from '@aura/api/services/notifications/delivery-members'
import { startNotificationJobs } from '@aura/api/services/notifications/run-notification-jobs'
import { purgeDeletedTenants } from '@aura/api/services/platform/purge-deleted-tenants'
import { seedDemo } from '@aura/db/seed/demo'

/** The process's logger, made before the API so the boot itself can log. */
export const bootLogger = (env: Record<string, string | undefined>) =>
  createLogger(parseConfig(env).LOG_LEVEL)

export async function bootApi(
  env: Record<string, string | undefined>,
  opts: { logger?: Logger; signal?: AbortSignal } = {},
): Promise<NodeApi> {
  const api = await createNodeApi(env, { migrate: false, ...(opts.logger ? { logger: opts.logger } : {}) })
  try {
    let started = performance.now()
    await untilMigrated(api, opts.signal)
    api.logger.info('database migrated', {
      driver: api.conn.kind,
      ms: Math.round(performance.now() - started),
    })
    if (env.SEED_DEMO !== '0' && env.SEED_DEMO !== 'false') {
      started = performance.now()
      const result = await seedDemo(api.conn.db)
      api.logger.info(result.created ? 'demo workspace seeded' : 'demo workspace present', {
        ms: Math.round(performance.now() - started),
      })
      // Fixed, public demo credentials for a local database: printing them is the point.
      for (const login of result.logins) api.logger.info('demo login', { ...login })
    }
  } catch (err) {
    await api.close()
    throw err
  }
  // The outbox is drained in the background: through Resend with RESEND_API_KEY, into the log without.
  const stopEmail = startEmailDispatcher({
    db: api.conn.db,
    transport: transportFromConfig(api.config, api.logger),
    logger: api.logger,
  })
  // Due reminders and digests (ADR 0171), every minute like the Worker's Cron Trigger.
  const stopNotifications = startNotificationJobs(api.conn.db, {
    originOf: workspaceOrigins(api.config.ROOT_DOMAIN, env.PORT ?? 3000),
    logger: api.logger,
  })
  const purge = setInterval(() => void purgeExpired(api), 60 * 60_000)
  purge.unref()
  return {
    ...api,
    close: async () => {
      clearInterval(purge)
      await stopNotifications()
      await stopEmail()
      await api.close()
    },
  }
}

const RETRY_MS = [500, 1_000, 2_000, 5_000, 10_000]

/** Migrates, retrying with backoff for as long as the database is unreachable (not for other errors). */
async function untilMigrated(api: NodeApi, signal: AbortSignal | undefined) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await api.conn.migrate()
    } catch (err) {
      const trouble = databaseTrouble(err)
      if (!trouble || signal?.aborted) throw err
      const waitMs = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)] as number
      // One line when it starts, then one every ten attempts: a long outage must not flood the log.
      if (attempt % 10 === 0)
        api.logger.warn('database unavailable at boot; retrying', { kind: trouble, attempt, waitMs })
      await new Promise((resolve) => setTimeout(resolve, waitMs))
    }
  }
}

/** F1.8: tenants deleted (archived) longer ago than their retention period are hard-deleted, hourly. */
async function purgeExpired(api: NodeApi) {
  try {
    const purged = await purgeDeletedTenants(api.conn.db)
    if (purged.length > 0) api.logger.info('tenants purged', { count: purged.length })
  } catch (err) {
    api.logger.error('tenant purge failed', { error: (err as Error).name })
  }
}
