// Named statements on node-postgres and on Neon's driver (a fork of node-postgres with the same Client and
// Connection internals). Installed on every pooled client as it connects: `client.query` gives each
// preparable statement its stable name, and node-postgres then sends Parse only the first time that name is
// used on the connection (it remembers parsed names in `connection.parsedStatements`) and Bind/Execute by
// name afterwards. Drizzle's queries, transactions and `tx.execute(sql…)` all end in `client.query`.
import { deferBegin } from './deferred-begin.ts'
import { isPreparable, isStaleStatementError, markStale, StatementCache } from './prepared.ts'

/** The node-postgres internals this relies on; shared by `pg` 8 and `@neondatabase/serverless` 1.x. */
interface WireConnection {
  parsedStatements: Record<string, string>
  parse(message: { text: string; name?: string; types?: unknown[] }): void
  close(message: { type: 'S' | 'P'; name?: string }): void
  on(event: 'readyForQuery', listener: (message: { status?: string }) => void): void
  stream?: { cork?: () => void; uncork?: () => void }
}

interface QueryConfig {
  text: string
  name?: string
  values?: unknown[]
  submit?: unknown
}

type QueryFn = (config: unknown, values?: unknown, callback?: unknown) => unknown

interface WireClient {
  query: QueryFn
  connection: WireConnection
  /** node-postgres ≥ 8.17 with `pipeline: true` (connect.ts). */
  pipeline?: boolean
}

const installed = new WeakMap<object, StatementCache>()

/** The statement cache of a client set up by {@link usePreparedStatements} (tests look at it). */
export function statementCacheOf(client: object): StatementCache | undefined {
  return installed.get(client)
}

/**
 * Makes `client` run preparable statements as named statements, at most `max` per connection. Call it from
 * the pool's 'connect' event, before the client runs anything.
 */
export function usePreparedStatements(pgClient: object, max?: number): void {
  if (installed.has(pgClient)) return
  const client = pgClient as WireClient
  const connection = client.connection
  // A dropped name must be parsed again before its next use, whatever node-postgres remembers.
  const cache = new StatementCache(max, (name) => delete connection.parsedStatements[name])
  installed.set(pgClient, cache)

  // Names dropped from the cache are closed in the same write as the next Parse (see StatementCache).
  const parse = connection.parse.bind(connection)
  connection.parse = (message) => {
    for (const name of cache.takeClosing()) connection.close({ type: 'S', name })
    parse(message)
  }
  // 'I' idle, 'T' in a transaction, 'E' in a failed one: after an error, whether a retry is possible.
  let status = 'I'
  connection.on('readyForQuery', (message) => {
    status = message.status ?? status
  })

  // Looked up on every call, so a later patch of the prototype (the round-trip counter in api/test) still runs.
  const base: QueryFn = (...args) => (Object.getPrototypeOf(client) as WireClient).query.apply(client, args)

  const byName: QueryFn = (config, values, callback) => {
    const named = nameFor(cache, config, values, callback)
    if (!named) return base(config, values, callback)
    const run = () => base(named, values) as Promise<unknown>
    return run().catch((error: unknown) => {
      if (!isStaleStatementError(error)) throw error
      cache.forgetAll()
      // Outside a transaction the failed statement changed nothing: prepare it afresh and run it again.
      // Inside one the transaction is aborted; the caller runs it again (retryStaleTransactions).
      if (status === 'I') return base({ ...named, name: cache.use(named.text)?.name }, values)
      throw markStale(error)
    })
  }
  client.query = deferBegin(client, byName)
}

/** The config to send under a statement name, or undefined to send `config` as it is. */
function nameFor(
  cache: StatementCache,
  config: unknown,
  values: unknown,
  callback: unknown,
): QueryConfig | undefined {
  // Callback style and custom query objects (cursors, streams) keep their own protocol handling.
  if (callback !== undefined || typeof values === 'function') return undefined
  const query: QueryConfig | undefined =
    typeof config === 'string'
      ? { text: config }
      : config && typeof config === 'object' && typeof (config as QueryConfig).text === 'string'
        ? (config as QueryConfig)
        : undefined
  if (!query || query.name || query.submit) return undefined
  const params = Array.isArray(values) ? values : query.values
  if (!isPreparable(query.text, params?.length ?? 0)) return undefined
  const entry = cache.use(query.text)
  return entry ? { ...query, name: entry.name } : undefined
}
