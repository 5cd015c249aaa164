// Node runtime entry: builds deps from process.env and connects with the Node drivers (PGlite by
// default, Postgres for a postgres:// DATABASE_URL). The web server mounts this app in-process.
import { type Connection, type ConnectOptions, connect } from '@aura/db/connect'
import { createApp } from './app.ts'
import { type Config, databaseLimits, parseConfig } from './config.ts'
import type { LoadGauge } from './lib/load-gauge.ts'
import { createLogger, type Logger } from './lib/logger.ts'
import { admissionGauge } from './middleware/shed-load.ts'

export interface NodeApi {
  app: ReturnType<typeof createApp>
  /** The process's admission gauge (middleware/shed-load.ts), which web pages go through too. */
  load?: LoadGauge
  conn: Connection
  config: Config
  logger: Logger
  close(): Promise<void>
}

export async function createNodeApi(
  env: Record<string, string | undefined> = process.env,
  options: ConnectOptions & { migrate?: boolean; logger?: Logger } = {},
): Promise<NodeApi> {
  const config = parseConfig(env)
  const logger = options.logger ?? createLogger(config.LOG_LEVEL)
  const conn = await connect(env.DATABASE_URL, { limits: databaseLimits(config), ...options })
  if (options.migrate) await conn.migrate()
  // Overload: a bounded, time-limited queue in front of API_MAX_IN_FLIGHT requests (middleware/shed-load.ts).
  const load =
    config.API_MAX_IN_FLIGHT > 0
      ? admissionGauge({
          maxInFlight: config.API_MAX_IN_FLIGHT,
          maxQueue: config.API_MAX_QUEUE,
          maxWaitMs: config.API_MAX_WAIT_MS,
        })
      : undefined
  const app = createApp({ db: conn.db, config, logger, ...(load ? { load } : {}) })
  return { app, ...(load ? { load } : {}), conn, config, logger, close: () => conn.close() }
}
