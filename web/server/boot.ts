// Boots the in-process API for the web server: connect, migrate, make sure the demo workspace exists
// (seedDemo is idempotent; SEED_DEMO=0 skips it, e.g. for a production database), start the email
// dispatcher.
import { transportFromConfig } from '@aura/api/lib/email/transport'
import { createNodeApi, type NodeApi } from '@aura/api/node'
import { startEmailDispatcher } from '@aura/api/services/email/start-email-dispatcher'
import { purgeDeletedTenants } from '@aura/api/services/platform/purge-deleted-tenants'
import { seedDemo } from '@aura/db/seed/demo'

export async function bootApi(env: Record<string, string | undefined>): Promise<NodeApi> {
  const api = await createNodeApi(env, { migrate: false })
  try {
    let started = performance.now()
    await api.conn.migrate()
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
  const purge = setInterval(() => void purgeExpired(api), 60 * 60_000)
  purge.unref()
  return {
    ...api,
    close: async () => {
      clearInterval(purge)
      await stopEmail()
      await api.close()
    },
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
