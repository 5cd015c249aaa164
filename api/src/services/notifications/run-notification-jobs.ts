// The scheduled notification work (ADR 0171), the same on both runtimes: due reminders, then the digests
// due now. Workers run it from the every-minute Cron Trigger (worker.ts), Node from a timer started by the
// web server (startNotificationJobs). Each job is idempotent and safe to run twice at once, so an overlap
// of two isolates or two processes sends nothing twice. The e-mails they queue leave with the outbox.
import type { Db } from '@aura/db'
import type { Logger } from '../../lib/logger.ts'
import type { OriginOf } from './delivery-members.ts'
import { remindDueTasks } from './remind-due-tasks.ts'
import { sendDigests } from './send-digests.ts'

export async function runNotificationJobs(db: Db, opts: { originOf: OriginOf; logger: Logger; now?: Date }) {
  const reminders = await remindDueTasks(db, opts)
  const digests = await sendDigests(db, opts)
  if (reminders.reminded + reminders.failed + digests.sent + digests.failed > 0)
    opts.logger.info('notification jobs ran', {
      reminded: reminders.reminded,
      remindersFailed: reminders.failed,
      digestsSent: digests.sent,
      digestsEmpty: digests.empty,
      digestsFailed: digests.failed,
    })
  return { reminders, digests }
}

/** Node: runs the jobs every minute (rounds never overlap); await the returned stop() on shutdown. */
export function startNotificationJobs(
  db: Db,
  opts: { originOf: OriginOf; logger: Logger; intervalMs?: number },
) {
  let stopped = false
  let running: Promise<unknown> = Promise.resolve()
  let timer: ReturnType<typeof setTimeout> | undefined
  const schedule = () => {
    timer = setTimeout(() => {
      running = runNotificationJobs(db, opts)
        .catch((err: Error) => opts.logger.error('notification jobs failed', { error: err.name }))
        .finally(() => {
          if (!stopped) schedule()
        })
    }, opts.intervalMs ?? 60_000)
    if (typeof timer === 'object' && 'unref' in timer) timer.unref()
  }
  schedule()
  return async function stop() {
    stopped = true
    clearTimeout(timer)
    await running
  }
}
