// The archive reads the whole workspace from one snapshot, so a deal created mid-download cannot appear
// without its stage or a line item without its deal: a restorable archive must be consistent, which the
// per-batch transactions of the plain export are not. The transaction stays open while the client reads,
// yielding one batch per pull, so memory holds one batch however large the workspace.
import { type Db, type TenantContext, type Tx, withTenant } from '@aura/db'

interface Deferred<T> {
  promise: Promise<T>
  resolve(value: T): void
  reject(reason: unknown): void
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void
  let reject!: (reason: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  // Handled here so a failure nobody awaits yet is not an unhandled rejection; awaiting still throws.
  promise.catch(() => {})
  return { promise, resolve, reject }
}

/**
 * A repeatable-read, read-only tenant transaction. Not through bind_credential (ADR 0110): the caller
 * confirms the credential first (the download's audit, memberTx). The request's bounded waits apply (ADR
 * 0094): each cursor FETCH is one statement, so a batch, not the whole download, must fit in the limit.
 */
function inSnapshot(db: Db, ctx: TenantContext, fn: (tx: Tx) => Promise<void>): Promise<void> {
  return withTenant(db, ctx, fn, { isolationLevel: 'repeatable read', accessMode: 'read only' })
}

/**
 * Yields what `produce` yields, each value read inside the one snapshot transaction only when the consumer
 * asks for it. Stopping early (the client went away) ends the transaction.
 */
export async function* readSnapshot<T>(
  db: Db,
  ctx: TenantContext,
  produce: (tx: Tx) => AsyncGenerator<T>,
): AsyncGenerator<T> {
  let demand = deferred<boolean>()
  let supply = deferred<IteratorResult<T>>()
  const finished = inSnapshot(db, ctx, async (tx) => {
    const source = produce(tx)
    try {
      while (await demand.promise) {
        demand = deferred()
        const next = await source.next()
        const handed = supply
        supply = deferred()
        handed.resolve(next)
        if (next.done) return
      }
    } finally {
      await source.return(undefined)
    }
  })
  finished.catch((err) => supply.reject(err))
  let completed = false
  try {
    for (;;) {
      const awaited = supply
      demand.resolve(true)
      const next = await awaited.promise
      if (next.done) break
      yield next.value
    }
    completed = true
  } finally {
    demand.resolve(false)
    if (!completed) await finished.catch(() => {})
  }
  await finished
}
