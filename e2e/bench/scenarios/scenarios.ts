// The scenarios of issue 10, each as Aura's workload, the peer's (or why there is none) and the SQL that
// pgbench replays: "plain" (the tenant transactions) and "request-shaped" (everything the request sent).
import type { RequestSql } from '../capture/units.ts'
import { tenantOnly } from '../capture/units.ts'
import { currentStages, type TenantFacts } from '../facts.ts'
import type { HttpKind, HttpWorkload } from '../load/wrk.ts'
import type { RawKind } from '../raw/pgbench.ts'
import {
  auraAddLine,
  auraMove,
  auraOps,
  type Cursors,
  lineSlots,
  moveSlots,
  peerAddLine,
  peerMove,
  peerOps,
  type ReadKey,
} from './operations.ts'

export interface Captured {
  reads: Record<ReadKey, RequestSql>
  /** moveDeals[0] moved away from its stage, then back (recorded as it stood then). */
  move: { dealId: string; from: string; away: RequestSql; back: RequestSql }
  /** A line added to lineDeals[0]. */
  add: { dealId: string; sql: RequestSql }
}

export interface Scenario {
  key: string
  name: string
  kind: 'read' | 'write' | 'mixed'
  aura: () => Promise<HttpWorkload>
  /** undefined: the peer has no equivalent; peerNote says why. */
  peer?: () => Promise<HttpWorkload>
  peerNote?: string
  /** pgbench kinds for a number of clients; shaped = with the request's identity work. */
  raw?: (clients: number, shaped: boolean) => Promise<RawKind[]>
  /** Aura's SQL for one operation (statement counts in the report). */
  sql?: RequestSql
  /** Only Aura, at this concurrency (the overload check). */
  only?: number
}

export interface ScenarioContext {
  f: TenantFacts
  url: string
  cursors: Cursors
  captured: Captured
  auraHeaders: Record<string, string>
  peerHeaders: Record<string, string>
  /** Verification results: a scenario whose peer answer differed has no peer windows. */
  peerVerified: Record<string, string | true>
}

const single = (name: string, slots: HttpKind['slots'], weight = 1): HttpKind => ({ name, weight, slots })

export function buildScenarios(ctx: ScenarioContext, pageN: number): Scenario[] {
  const { f, captured } = ctx
  const aura = auraOps(f, ctx.cursors)
  const peer = peerOps(f, ctx.cursors)
  const auraWl = (kinds: HttpKind[]) => async (): Promise<HttpWorkload> => ({
    headers: ctx.auraHeaders,
    kinds,
  })
  const peerWl = (kinds: () => Promise<HttpKind[]>) => async (): Promise<HttpWorkload> => ({
    headers: ctx.peerHeaders,
    kinds: await kinds(),
    graphql: true,
  })
  const stages = () =>
    currentStages(
      ctx.url,
      f.moveDeals.map((d) => d.id),
    )
  const readRaw = (key: ReadKey) => async (_clients: number, shaped: boolean) => [
    { name: key, weight: 1, variants: [[shaped ? captured.reads[key] : tenantOnly(captured.reads[key])]] },
  ]
  const moveRaw = async (clients: number, shaped: boolean): Promise<RawKind> => {
    const now = await stages()
    const m = captured.move
    return {
      name: 'move',
      weight: 1,
      variants: f.moveDeals.slice(0, clients).map((d) => {
        const ops = (now.get(d.id) ?? d.stageId) === m.from ? [m.away, m.back] : [m.back, m.away]
        return ops.map((op) => shape(substitute(op, m.dealId, d.id), shaped))
      }),
    }
  }
  const addRaw = (clients: number, shaped: boolean): RawKind => ({
    name: 'add',
    weight: 1,
    variants: f.lineDeals
      .slice(0, clients)
      .map((id) => [shape(substitute(captured.add.sql, captured.add.dealId, id), shaped)]),
  })
  const peerRead = (key: keyof typeof peer) =>
    ctx.peerVerified[key] === true ? peerWl(async () => [single(key, [[peer[key]]])]) : undefined
  const peerNote = (key: string) => {
    const v = ctx.peerVerified[key]
    return v === true ? undefined : (v ?? 'n/a')
  }
  const read = (key: ReadKey, name: string, withPeer: boolean, note?: string): Scenario => ({
    key,
    name,
    kind: 'read',
    aura: auraWl([single(key, [[aura[key]]])]),
    ...(withPeer && peerRead(key as keyof typeof peer) ? { peer: peerRead(key as keyof typeof peer) } : {}),
    ...((note ?? peerNote(key)) ? { peerNote: note ?? peerNote(key) } : {}),
    raw: readRaw(key),
    sql: captured.reads[key],
  })
  const mixedAura = async (): Promise<HttpWorkload> => ({
    headers: ctx.auraHeaders,
    kinds: [
      single('listP1', [[aura.listP1]], 40),
      single('listPN', [[aura.listPN]], 10),
      single('deal', [[aura.deal]], 15),
      single('search', [[aura.search]], 15),
      single('move', moveSlots(f, await stages(), auraMove), 10),
      single('add', lineSlots(f, auraAddLine), 10),
    ],
  })
  const mixedPeerOk = ['listP1', 'listPN', 'deal', 'search', 'move', 'add'].every(
    (k) => ctx.peerVerified[k] === true,
  )
  const scenarios: Scenario[] = [
    read('listP1', 'deal list page 1 (newest first)', true),
    read('listPN', `deal list page ${pageN} (cursor)`, true),
    read('deal', 'one deal + its line items', true),
    read(
      'summary',
      `pipeline summary (${f.process.deals} deals)`,
      false,
      'n/a: no aggregates in the pinned release train',
    ),
    read('search', `contact search "${f.commonName}"`, true),
    read('board', 'board page (web, HTML)', false, 'n/a: PostGraphile serves no pages'),
    read(
      'insight',
      'insight: the team, all processes, this quarter',
      false,
      'n/a: no aggregates in the pinned release train',
    ),
    read(
      'insightPage',
      `insight page (web, HTML): one process (${f.process.deals} deals), this year`,
      false,
      'n/a: PostGraphile serves no pages',
    ),
    read(
      'feed',
      'notifications feed (25 newest, names joined)',
      false,
      'n/a: not compared (no peer query written)',
    ),
    {
      key: 'move',
      name: 'move deal stage',
      kind: 'write',
      aura: async () => ({
        headers: ctx.auraHeaders,
        kinds: [single('move', moveSlots(f, await stages(), auraMove))],
      }),
      ...(ctx.peerVerified.move === true
        ? { peer: peerWl(async () => [single('move', moveSlots(f, await stages(), peerMove))]) }
        : { peerNote: peerNote('move') ?? 'n/a' }),
      raw: async (clients, shaped) => [await moveRaw(clients, shaped)],
      sql: captured.move.away,
    },
    {
      key: 'add',
      name: 'add line item',
      kind: 'write',
      aura: auraWl([single('add', lineSlots(f, auraAddLine))]),
      ...(ctx.peerVerified.add === true
        ? { peer: peerWl(async () => [single('add', lineSlots(f, peerAddLine))]) }
        : { peerNote: peerNote('add') ?? 'n/a' }),
      raw: async (clients, shaped) => [addRaw(clients, shaped)],
      sql: captured.add.sql,
    },
    {
      key: 'mixed',
      name: 'mixed 80/20 (list, page N, deal + lines, search / move, add)',
      kind: 'mixed',
      aura: mixedAura,
      ...(mixedPeerOk
        ? {
            peer: peerWl(async () => [
              single('listP1', [[peer.listP1]], 40),
              single('listPN', [[peer.listPN]], 10),
              single('deal', [[peer.deal]], 15),
              single('search', [[peer.search]], 15),
              single('move', moveSlots(f, await stages(), peerMove), 10),
              single('add', lineSlots(f, peerAddLine), 10),
            ]),
          }
        : { peerNote: 'n/a: a peer scenario of the mix failed verification' }),
      raw: async (clients, shaped) => [
        ...(await readRaw('listP1')(clients, shaped)).map((k) => ({ ...k, weight: 40 })),
        ...(await readRaw('listPN')(clients, shaped)).map((k) => ({ ...k, weight: 10 })),
        ...(await readRaw('deal')(clients, shaped)).map((k) => ({ ...k, weight: 15 })),
        ...(await readRaw('search')(clients, shaped)).map((k) => ({ ...k, weight: 15 })),
        { ...(await moveRaw(clients, shaped)), weight: 10 },
        { ...addRaw(clients, shaped), weight: 10 },
      ],
    },
  ]
  return scenarios
}

export const overloadScenario = (mixed: Scenario, connections: number): Scenario => ({
  key: 'overload',
  name: `overload: mixed 80/20 at ${connections} connections (Aura only; 503 = shed by design)`,
  kind: 'mixed',
  aura: mixed.aura,
  peerNote: 'not run',
  only: connections,
})

const shape = (sql: RequestSql, shaped: boolean) => (shaped ? sql : tenantOnly(sql))

/** The same SQL for another deal: every occurrence of one id (in text and values) replaced. */
function substitute(sql: RequestSql, from: string, to: string): RequestSql {
  if (from === to) return sql
  const swap = (s: string) => s.replaceAll(from, to)
  return {
    units: sql.units.map((u) => ({
      ...u,
      statements: u.statements.map((s) => ({
        ...s,
        text: swap(s.text),
        params: s.params.map((p) => (p === null ? null : swap(p))),
      })),
    })),
  }
}
