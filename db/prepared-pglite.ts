// Named statements on PGlite. Its `query()` always uses the unnamed statement: Parse, Describe, Bind,
// Describe, Execute and Sync, each a separate call into the WebAssembly Postgres, and a fresh parse and
// plan every time (planning the RLS policies dominates a small read). Inside transactions, where every API
// statement runs (withTenant / withPlatform), a preparable statement is parsed once under its stable name
// (Parse + Describe + Sync, which also tells us the parameter types) and afterwards runs as one protocol
// call: Bind + Describe + Execute + Sync by name. Values and rows go through PGlite's own serializers and
// result parser, so what drizzle receives is what `query()` would have returned.
import {
  type PGlite,
  parse,
  protocol,
  type QueryOptions,
  type Results,
  type Transaction,
} from '@electric-sql/pglite'
import { isPreparable, isStaleStatementError, markStale, StatementCache } from './prepared.ts'

const { serialize } = protocol

/** A statement's parameter types (oids), learnt from Describe when it was parsed. */
type ParamTypes = number[]

const caches = new WeakMap<PGlite, StatementCache<ParamTypes>>()

/** The statement cache of a PGlite set up by {@link usePgliteStatements} (tests look at it). */
export function pgliteStatementCache(client: PGlite): StatementCache<ParamTypes> | undefined {
  return caches.get(client)
}

/** Makes transactions on `client` run preparable statements as named statements, at most `max` of them. */
export function usePgliteStatements(client: PGlite, max?: number): void {
  if (caches.has(client)) return
  const cache = new StatementCache<ParamTypes>(max)
  caches.set(client, cache)
  const transaction = client.transaction.bind(client)
  client.transaction = <T>(callback: (tx: Transaction) => Promise<T>) =>
    transaction((tx) => {
      const named: Transaction = Object.create(tx)
      named.query = <R>(text: string, params: unknown[] = [], options?: QueryOptions) => {
        if (tx.closed) throw new Error('Transaction is closed')
        const entry = isPreparable(text, params.length) ? cache.use(text) : undefined
        if (!entry) return tx.query<R>(text, params, options)
        return client.runExclusive(() => runNamed<R>(client, cache, entry, text, params, options))
      }
      return callback(named)
    })
}

async function runNamed<R>(
  client: PGlite,
  cache: StatementCache<ParamTypes>,
  entry: { name: string; data: ParamTypes | undefined },
  text: string,
  params: unknown[],
  options: QueryOptions | undefined,
): Promise<Results<R>> {
  const { name } = entry
  const exec = (...messages: Uint8Array[]) =>
    client.execProtocol(concat(messages), { syncToFs: false, onNotice: options?.onNotice })
  // Closes of evicted or stale names travel in front of the next batch (see StatementCache).
  const closing = () => cache.takeClosing().map((n) => serialize.close({ type: 'S', name: n }))
  if (!entry.data) {
    try {
      const { messages } = await exec(
        ...closing(),
        serialize.parse({ name, text, types: options?.paramTypes ?? [] }),
        serialize.describe({ type: 'S', name }),
        serialize.sync(),
      )
      const description = messages.find((m) => m.name === 'parameterDescription') as
        | { dataTypeIDs: number[] }
        | undefined
      entry.data = description?.dataTypeIDs ?? []
    } catch (error) {
      // The name may or may not exist now; forgetting queues a Close, which is harmless either way.
      cache.forget(text)
      throw error
    }
  }
  const types = entry.data
  const values = params.map((param, i) => {
    if (param === null || param === undefined) return null
    const oid = types[i] ?? 0
    const serializer = options?.serializers?.[oid] ?? client.serializers[oid]
    return serializer ? serializer(param) : String(param)
  })
  try {
    const { messages } = await exec(
      ...closing(),
      serialize.bind({ statement: name, values }),
      serialize.describe({ type: 'P' }),
      serialize.execute({}),
      serialize.sync(),
    )
    return parse.parseResults(messages, client.parsers, options)[0] as Results<R>
  } catch (error) {
    if (!isStaleStatementError(error)) throw error
    // The transaction is aborted; the next attempt (retryStaleTransactions) parses the statements afresh.
    cache.forgetAll()
    throw markStale(error)
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}
