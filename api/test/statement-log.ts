// Counts database round trips at the driver: every statement node-postgres sends (pg.Client#query), or
// every PGlite query plus the BEGIN/COMMIT of its transaction(). Used by the round-trip guards (issue 10):
// what a request costs is what reaches the database, whatever the layers above do.
import type { PGlite } from '@electric-sql/pglite'
import pg from 'pg'

export interface StatementLog {
  /** Runs fn and returns the statements sent meanwhile, whitespace collapsed. */
  during<T>(fn: () => T | PromiseLike<T>): Promise<{ result: T; statements: string[] }>
}

export function statementLog(conn: { kind: string; db: unknown }): StatementLog {
  let recording: string[] | null = null
  const record = (text: unknown) => {
    if (!recording) return
    const s = typeof text === 'string' ? text : ((text as { text?: string } | null)?.text ?? String(text))
    recording.push(s.replace(/\s+/g, ' ').trim())
  }
  if (conn.kind === 'pglite') instrumentPglite((conn.db as { $client: PGlite }).$client, record)
  else instrumentPg(record)
  return {
    async during(fn) {
      recording = []
      try {
        const result = await fn()
        return { result, statements: recording }
      } finally {
        recording = null
      }
    },
  }
}

function instrumentPg(record: (text: unknown) => void) {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }
  const original = proto.query
  proto.query = function (this: unknown, ...args: unknown[]) {
    record(args[0])
    return original.apply(this, args)
  }
}

function instrumentPglite(client: PGlite, record: (text: unknown) => void) {
  const query = client.query.bind(client)
  const exec = client.exec.bind(client)
  const transaction = client.transaction.bind(client)
  client.query = ((text: string, ...rest: unknown[]) => {
    record(text)
    return (query as (...a: unknown[]) => unknown)(text, ...rest)
  }) as PGlite['query']
  client.exec = ((text: string, ...rest: unknown[]) => {
    record(text)
    return (exec as (...a: unknown[]) => unknown)(text, ...rest)
  }) as PGlite['exec']
  client.transaction = (async (fn: (tx: unknown) => Promise<unknown>) => {
    record('begin')
    let outcome = 'rollback'
    try {
      const out = await transaction(async (tx) => {
        const txQuery = tx.query.bind(tx)
        tx.query = ((text: string, ...rest: unknown[]) => {
          record(text)
          return (txQuery as (...a: unknown[]) => unknown)(text, ...rest)
        }) as typeof tx.query
        return fn(tx)
      })
      outcome = 'commit'
      return out
    } finally {
      record(outcome)
    }
  }) as PGlite['transaction']
}

/** BEGIN … COMMIT/ROLLBACK groups, in order; statements outside a transaction are left out. */
export function transactionsIn(statements: readonly string[]): string[][] {
  const out: string[][] = []
  let current: string[] | null = null
  for (const s of statements) {
    if (/^begin\b/i.test(s)) current = [s]
    else if (current) current.push(s)
    if (current && /^(commit|rollback)\b/i.test(s)) {
      out.push(current)
      current = null
    }
  }
  return out
}

export const isWrite = (s: string) => /^(insert|update|delete|merge)\b/i.test(s) || /\bfor update\b/i.test(s)
/** The statement that checks a credential and binds a tenant transaction (db/client.ts withIdentity). */
export const isCredentialBinding = (s: string) =>
  s.includes('bind_credential(') && s.includes("set_config('role'")
/** The cold-path credential read (db/client.ts identifyCredential). */
export const isCredentialRead = (s: string) => /^select \* from identify_credential\(/i.test(s)
/** The privileged tenant-by-slug lookup (services/tenants/resolve-tenant.ts). */
export const isTenantLookup = (s: string) => /from "tenants" where "tenants"\."slug" = /i.test(s)
