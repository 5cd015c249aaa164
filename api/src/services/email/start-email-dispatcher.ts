// Node: a small loop that drains the outbox every few seconds. Whoever runs the server starts it and
// awaits the returned stop() on shutdown (it lets the round in flight finish).
import type { Db } from '@aura/db'
import type { EmailTransport } from '../../lib/email/transport.ts'
import type { Logger } from '../../lib/logger.ts'
import { dispatchEmails } from './dispatch-emails.ts'

export interface EmailDispatcherDeps {
  db: Db
  transport: EmailTransport
  logger: Logger
  intervalMs?: number
}

export function startEmailDispatcher({ db, transport, logger, intervalMs = 2_000 }: EmailDispatcherDeps) {
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> = Promise.resolve()
  // Rounds never overlap: the next one is scheduled when the previous one has finished.
  const round = async () => {
    try {
      await dispatchEmails(db, transport, { logger })
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err))
      logger.error('email dispatch round failed', { error: e.name, detail: e.message.slice(0, 200) })
    }
    if (!stopped) schedule()
  }
  const schedule = () => {
    timer = setTimeout(() => {
      running = round()
    }, intervalMs)
    // Never keeps a process alive on its own.
    if (typeof timer === 'object' && 'unref' in timer) timer.unref()
  }
  schedule()
  logger.info('email dispatcher started', { transport: transport.name, intervalMs })
  return async function stop() {
    stopped = true
    clearTimeout(timer)
    await running
  }
}
