// Aura's SQL for every operation of the benchmark, recorded on the wire through the proxy.
import type { TenantFacts } from '../facts.ts'
import { out } from '../options.ts'
import type { Endpoint } from '../peer/verify.ts'
import { auraAddLine, auraMove, auraOps, type Cursors, type ReadKey } from '../scenarios/operations.ts'
import type { Captured } from '../scenarios/scenarios.ts'
import { captureRead, captureWrites, learnBackground } from './capture.ts'
import type { WireProxy } from './wire-proxy.ts'

type Target = Endpoint & { proxy: WireProxy; background?: Set<string> }

export async function recordReads(
  f: TenantFacts,
  target: Target,
  cursors: Cursors,
): Promise<Captured['reads']> {
  out('recording the SQL of each read')
  target.background = await learnBackground(target)
  const ops = auraOps(f, cursors)
  const reads = {} as Record<ReadKey, Captured['reads'][ReadKey]>
  for (const key of Object.keys(ops) as ReadKey[]) reads[key] = await captureRead(target, ops[key])
  return reads
}

/** After the reads (and their comparison with the peer): a write moves its deal to the top of the list. */
export async function recordWrites(f: TenantFacts, target: Target): Promise<Omit<Captured, 'reads'>> {
  out('recording the SQL of each write')
  target.background ??= await learnBackground(target)
  const deal = f.moveDeals[0]
  const lineDeal = f.lineDeals[0]
  if (!deal || !lineDeal) throw new Error('bench: no deals to write')
  const [a, b] = f.moveStages
  const from = deal.stageId === a.id ? a : b
  const to = from === a ? b : a
  const [away, back] = await captureWrites(target, [auraMove(deal.id, to), auraMove(deal.id, from)])
  const [add] = await captureWrites(target, [auraAddLine(f, lineDeal, 0)])
  if (!away || !back || !add) throw new Error('bench: a write was not recorded')
  return {
    move: { dealId: deal.id, from: from.id, away, back },
    add: { dealId: lineDeal, sql: add },
  }
}
