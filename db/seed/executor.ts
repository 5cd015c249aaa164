import type { Db, Tx } from '../client.ts'

/** Factories run on whatever the caller holds: a tenant transaction, a platform transaction, or the owner db. */
export type Executor = Db | Tx

/** A short random suffix for names that must be unique (slugs, emails, SKUs). */
export const uniq = () => crypto.randomUUID().slice(0, 8)

export function first<T>(rows: T[]): T {
  const row = rows[0]
  if (row === undefined) throw new Error('insert returned no row')
  return row
}
