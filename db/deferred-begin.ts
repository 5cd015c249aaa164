// BEGIN without a round trip of its own. Every tenant transaction opens with BEGIN and then its binding
// statement (client.ts); each used to wait for its own answer. On a node-postgres client in pipeline mode
// (connect.ts) BEGIN is held back and written together with the transaction's next statement, in one
// write answered in one round trip; Postgres runs them in order as always. A failure of BEGIN fails that
// next statement's promise too, so nothing of the transaction runs as if it had begun. Clients that cannot
// pipeline (Neon's driver, PGlite) send BEGIN as before.

type QueryFn = (config: unknown, values?: unknown, callback?: unknown) => unknown

interface PipelineClient {
  pipeline?: boolean
  connection: { stream?: { cork?: () => void; uncork?: () => void } }
}

const BEGIN = /^\s*begin\b/i

/** What drizzle gets back for the held BEGIN (it does not read it). */
const BEGUN = Object.freeze({ command: 'BEGIN', rowCount: null, rows: [], fields: [] })

/** Wraps `query` (the client's query function) so that BEGIN travels with the statement after it. */
export function deferBegin(client: PipelineClient, query: QueryFn): QueryFn {
  if (client.pipeline !== true) return query
  let held: { config: unknown; values: unknown } | undefined
  return (config, values, callback) => {
    if (!held && callback === undefined && typeof values !== 'function' && isBegin(config, values)) {
      held = { config, values }
      return Promise.resolve(BEGUN)
    }
    if (!held) return query(config, values, callback)
    const begin = held
    held = undefined
    const stream = client.connection.stream
    stream?.cork?.()
    try {
      const began = query(begin.config, begin.values) as Promise<unknown>
      const result = query(config, values, callback)
      // Callback style gets its own answer; BEGIN's failure still reaches the transaction's next await.
      if (!(result instanceof Promise)) return result
      return Promise.all([began, result]).then(([, answer]) => answer)
    } finally {
      stream?.uncork?.()
    }
  }
}

function isBegin(config: unknown, values: unknown): boolean {
  const text = typeof config === 'string' ? config : (config as { text?: unknown } | null)?.text
  const params = Array.isArray(values) ? values : (config as { values?: unknown[] } | null)?.values
  return typeof text === 'string' && BEGIN.test(text) && !text.includes(';') && !params?.length
}
