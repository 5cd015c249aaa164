// Neon over WebSocket: the production driver on Cloudflare Workers. Pool (not the HTTP `neon()`
// function) because withTenant needs an interactive transaction.
import { neonConfig, Pool, type PoolClient } from '@neondatabase/serverless'
import { drizzle } from 'drizzle-orm/neon-serverless'
import type { Db } from './client.ts'
import { type DatabaseLimits, rememberLimits, resolveLimits } from './limits.ts'
import { retryStaleTransactions } from './prepared.ts'
import { usePreparedStatements } from './prepared-pg.ts'
import * as schema from './schema/index.ts'

export interface NeonOptions {
  /** Local development and tests only: `host:port` of a WebSocket→TCP relay in front of plain Postgres. */
  wsProxy?: string
  /** Node has no global WebSocket before v22: pass the `ws` constructor there; Workers have their own. */
  webSocketConstructor?: unknown
  /** Named statements kept prepared per connection (db/prepared.ts); 0 sends every statement unnamed. */
  maxPrepared?: number | undefined
  /** Pool size (the driver's default, 10, when unset). */
  max?: number | undefined
  /** Bounded waits of request transactions and of the pool (db/limits.ts); defaults when unset. */
  limits?: Partial<DatabaseLimits> | undefined
}

export function connectNeon(url: string, options: NeonOptions = {}) {
  if (options.webSocketConstructor) {
    neonConfig.webSocketConstructor = options.webSocketConstructor as typeof WebSocket
  }
  if (options.wsProxy) {
    const relay = options.wsProxy
    neonConfig.wsProxy = (host, port) => `${relay}/v2?address=${host}:${port}`
    neonConfig.useSecureWebSocket = false
    neonConfig.pipelineTLS = false
    neonConfig.pipelineConnect = false
  }
  const limits = resolveLimits(options.limits)
  const pool = new Pool({
    connectionString: url,
    connectionTimeoutMillis: limits.acquireTimeoutMs,
    ...(options.max ? { max: options.max } : {}),
  })
  // A client whose server goes away emits 'error' (on the pool while idle, on the client while checked
  // out); unhandled, either would end the process. The query in flight still rejects.
  pool.on('error', () => {})
  pool.on('connect', (client: PoolClient) => {
    client.on('error', () => {})
    usePreparedStatements(client, options.maxPrepared)
  })
  const db = rememberLimits(
    retryStaleTransactions(drizzle({ client: pool, schema }) as unknown as Db),
    limits,
  )
  return { kind: 'neon' as const, db, close: () => pool.end() }
}
