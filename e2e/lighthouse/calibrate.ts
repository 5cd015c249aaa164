// --cpu-slowdown=calibrated: Lighthouse's 4× CPU slowdown turns a fast desktop (benchmarkIndex ≈ 1,500+)
// into its reference mid-range phone; on a slower host it throttles a slower CPU by as much and measures a
// slower phone than the one the score is meant for. Lighthouse's throttling guide (docs/throttling.md,
// "Calibrating multipliers") answers with a multiplier for the host's benchmarkIndex, from its CPU
// throttling calculator; this is that calculator's mapping, fed with the median index of three runs.
import type { Result } from 'lighthouse'
import { out } from '../bench/options.ts'
import { waitForQuiet } from './machine.ts'

/** Lighthouse's CPU throttling calculator: the multiplier that makes this host a mid-range phone. */
export function multiplierFor(benchmarkIndex: number): number {
  if (benchmarkIndex >= 1300) return 3 + (benchmarkIndex - 1300) / 233 // 1300 = 3×, 1533 = 4×, 2000 = 6×
  if (benchmarkIndex >= 800) return 2 + (benchmarkIndex - 800) / 500 // 800 = 2×, 1300 = 3×
  return Math.max(1, 1 + (benchmarkIndex - 150) / 650) // 150 = 1×, 800 = 2×
}

export interface Calibration {
  indexes: number[]
  median: number
  multiplier: number
}

/** Three runs of `url` at Lighthouse's default slowdown, each after waiting for a quiet machine. */
export async function calibrate(url: string, run: (url: string) => Promise<Result>): Promise<Calibration> {
  const indexes: number[] = []
  for (let i = 0; i < 3; i++) {
    await waitForQuiet()
    indexes.push(Math.round((await run(url)).environment.benchmarkIndex))
  }
  const median = [...indexes].sort((a, b) => a - b)[1] ?? 0
  const multiplier = Math.round(multiplierFor(median) * 10) / 10
  out(`calibration: benchmarkIndex ${indexes.join(', ')} → median ${median} → CPU slowdown ${multiplier}×`)
  return { indexes, median, multiplier }
}
