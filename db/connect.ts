// Node-side connect(): the embedded PGlite by default, a real Postgres for a postgres:// URL, or the
// Neon driver (what Workers use) when asked. Workers import ./neon.ts directly, never this file.
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin'
import { citext } from '@electric-sql/pglite/contrib/citext'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto'
import { migrate as migrateNeon } from 'drizzle-orm/neon-serverless/migrator'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import pg from 'pg'
import ws from 'ws'
import type { Db } from './client.ts'
import { type DatabaseLimits, rememberLimits, resolveLimits } from './limits.ts'
import { connectNeon } from './neon.ts'
import { claimDataDir } from './pglite-owner.ts'
import { retryStaleTransactions } from './prepared.ts'
import { usePreparedStatements } from './prepared-pg.ts'
import { usePgliteStatements } from './prepared-pglite.ts'
import * as schema from './schema/index.ts'

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url))
export const DEFAULT_PGLITE_DIR = fileURLToPath(new URL('../.data/pglite', import.meta.url))

export interface Connection {
  kind: 'pglite' | 'postgres' | 'neon'
  db: Db
  /** Applies pending migrations as the connecting (owner) role. */
  migrate(): Promise<void>
  close(): Promise<void>
}

export interface ConnectOptions {
  /** Use the Neon WebSocket driver through a local relay (`host:port`) instead of node-postgres. */
  neonWsProxy?: string
  /** Pool size for node-postgres. */
  max?: number
  /** PGlite only: start from this dumped data directory (a migrated template) instead of an empty one. */
  pgliteTemplate?: Blob
  /** Named statements kept prepared per connection (db/prepared.ts); 0 sends every statement unnamed. */
  maxPrepared?: number
  /** Bounded waits of request transactions and of the pool (db/limits.ts); defaults when unset. */
  limits?: Partial<DatabaseLimits>
}

/**
 * `url` unset → PGlite persisted under .data/; `memory://` → a throwaway in-memory PGlite;
 * `postgres://…` → node-postgres (or Neon's driver with `neonWsProxy`).
 */
export async function connect(
  url = process.env.DATABASE_URL,
  options: ConnectOptions = {},
): Promise<Connection> {
  const limits = resolveLimits(options.limits)
  if (!url || url.startsWith('memory://') || url.startsWith('file://')) {
    const dataDir = url?.startsWith('file://') ? fileURLToPath(url) : (url ?? DEFAULT_PGLITE_DIR)
    const conn = await connectPglite(dataDir, options.pgliteTemplate, options.maxPrepared)
    rememberLimits(conn.db, limits)
    return conn
  }
  if (options.neonWsProxy) {
    const neon = connectNeon(url, {
      wsProxy: options.neonWsProxy,
      webSocketConstructor: ws,
      maxPrepared: options.maxPrepared,
      max: options.max,
      limits,
    })
    return { ...neon, migrate: () => migrateNeon(neon.db as never, { migrationsFolder: MIGRATIONS_FOLDER }) }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: limits.acquireTimeoutMs,
    // Statements go out without waiting for the previous answer (answers still come back in order):
    // BEGIN travels with the tenant binding (deferred-begin.ts), and independent reads of one
    // transaction started together share a round trip.
    pipeline: true,
  })
  // A client that loses its server emits 'error'; without listeners the whole process would exit.
  pool.on('error', () => {})
  pool.on('connect', (client) => {
    client.on('error', () => {})
    usePreparedStatements(client, options.maxPrepared)
  })
  const db = rememberLimits(
    retryStaleTransactions(drizzlePg({ client: pool, schema }) as unknown as Db),
    limits,
  )
  return {
    kind: 'postgres',
    db,
    migrate: () => migratePg(db as never, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => pool.end(),
  }
}

async function connectPglite(dataDir: string, loadDataDir?: Blob, maxPrepared?: number): Promise<Connection> {
  const release = dataDir.startsWith('memory://') ? () => {} : claimDataDir(dataDir)
  let client: PGlite
  try {
    client = await PGlite.create(dataDir, {
      extensions: { btree_gin, citext, pg_trgm, pgcrypto },
      ...(loadDataDir ? { loadDataDir } : {}),
    })
  } catch (err) {
    release()
    throw err
  }
  usePgliteStatements(client, maxPrepared)
  const db = retryStaleTransactions(drizzlePglite({ client, schema }) as unknown as Db)
  return {
    kind: 'pglite',
    db,
    // PGlite learns the array types when it opens the database: a migration that creates one (citext[]
    // for contact_ids_by_email) would otherwise leave a JS array sent as a malformed literal until restart.
    migrate: async () => {
      await migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER })
      await client.refreshArrayTypes()
    },
    close: () => client.close().finally(release),
  }
}
