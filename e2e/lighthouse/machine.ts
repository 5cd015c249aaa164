// How busy the machine is: Lighthouse's scores depend on it (see waitForQuiet).
import { cpus } from 'node:os'
import { loadAverage } from '../bench/machine.ts'
import { out } from '../bench/options.ts'
import { QUIET_BUSY, QUIET_WAIT_S } from './options.ts'

export type CpuTotals = { busy: number; all: number }

/** The kernel's CPU time counters summed over all CPUs (every process, ours included). */
export const cpuTotals = (): CpuTotals =>
  cpus().reduce(
    (acc, c) => {
      const t = c.times
      acc.busy += t.user + t.nice + t.sys + t.irq
      acc.all += t.user + t.nice + t.sys + t.irq + t.idle
      return acc
    },
    { busy: 0, all: 0 },
  )

/** Busy share of all CPUs since the counters `a` were read. */
export const busySince = (a: CpuTotals) => {
  const b = cpuTotals()
  return b.all > a.all ? (b.busy - a.busy) / (b.all - a.all) : 0
}

/** Busy share of all CPUs over the next `ms`. */
async function cpuBusy(ms = 1_000): Promise<number> {
  const a = cpuTotals()
  await new Promise((r) => setTimeout(r, ms))
  return busySince(a)
}

/**
 * Lighthouse multiplies the main-thread time it observes by its CPU slowdown, so whatever else runs on the
 * machine lands in TBT ×4. Before each run: wait (up to QUIET_WAIT_S) until the CPUs are mostly idle.
 * Returns the CPU busy % it ended on.
 */
export async function waitForQuiet(): Promise<number> {
  const until = Date.now() + QUIET_WAIT_S * 1_000
  let busy = await cpuBusy()
  let said = false
  while (busy > QUIET_BUSY && Date.now() < until) {
    if (!said) out(`  machine busy (${Math.round(busy * 100)}% CPU): waiting up to ${QUIET_WAIT_S} s`)
    said = true
    busy = await cpuBusy(2_000)
  }
  return Math.round(busy * 100)
}

/** The 1/5/15-minute load average as text ("0.52 / 0.61 / 0.70"). */
export const loadText = () =>
  loadAverage()
    .map((n) => n.toFixed(2))
    .join(' / ')
