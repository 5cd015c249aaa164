// Each operation as Aura's HTTP requests and as the peer's GraphQL request, for the measured tenant.
import type { Stage, TenantFacts } from '../facts.ts'
import type { HttpOp, HttpReq } from '../load/wrk.ts'
import {
  ADD_LINE,
  DEAL_WITH_LINES,
  graphqlBody,
  LIST_DEALS,
  MOVE_DEAL,
  SEARCH_CONTACTS,
} from '../peer/queries.ts'

export interface Cursors {
  aura?: string | undefined
  peer?: string | undefined
}

const get = (path: string): HttpReq => ({ method: 'GET', path })
const gql = (query: string, variables: Record<string, unknown> = {}): HttpReq => ({
  method: 'POST',
  path: '/graphql',
  body: graphqlBody(query, variables),
})

export const auraOps = (f: TenantFacts, cursors: Cursors) => ({
  listP1: [get('/api/v1/deals?limit=25')],
  listPN: [get(`/api/v1/deals?limit=25&cursor=${encodeURIComponent(cursors.aura ?? '')}`)],
  deal: [get(`/api/v1/deals/${f.dealId}?include=lineItems`)],
  summary: [get(`/api/v1/pipeline-summary?processId=${f.process.id}`)],
  search: [get(`/api/v1/contacts?q=${encodeURIComponent(f.commonName)}&limit=25`)],
  board: [get(`/board?process=${f.process.id}`)],
  // Issue 14: what a manager opens besides the lists — the team's insight, its page, the inbox feed.
  insight: [get('/api/v1/insight?period=quarter')],
  insightPage: [get(`/insight?process=${f.process.id}&period=year`)],
  feed: [get('/api/v1/notifications?limit=25')],
})

export const peerOps = (f: TenantFacts, cursors: Cursors) => ({
  listP1: [gql(LIST_DEALS, { after: null })],
  listPN: [gql(LIST_DEALS, { after: cursors.peer ?? null })],
  deal: [gql(DEAL_WITH_LINES, { id: f.dealId })],
  search: [gql(SEARCH_CONTACTS, { q: f.commonName })],
})

export type ReadKey = keyof ReturnType<typeof auraOps>

export const auraMove = (dealId: string, stage: Stage): HttpOp => [
  { method: 'POST', path: `/api/v1/deals/${dealId}/stage`, body: JSON.stringify({ stageId: stage.id }) },
]
export const peerMove = (dealId: string, stage: Stage): HttpOp => [
  gql(MOVE_DEAL, { id: dealId, stageId: stage.id, probability: stage.probability }),
]

export const auraAddLine = (f: TenantFacts, dealId: string, i: number): HttpOp => {
  const p = f.products[i % f.products.length]
  return [
    {
      method: 'POST',
      path: `/api/v1/deals/${dealId}/line-items`,
      body: JSON.stringify({ productId: p?.id, quantity: 1 + (i % 3) }),
    },
  ]
}

/** The peer's CRUD insert: the client sends what Aura's service looks up (snapshot, blueprint price). */
export const peerAddLine = (f: TenantFacts, dealId: string, i: number): HttpOp => {
  const p = f.products[i % f.products.length]
  if (!p) throw new Error('bench: no priced product')
  const line = {
    tenantId: f.tenantId,
    dealId,
    productId: p.id,
    skuSnapshot: p.sku,
    nameSnapshot: p.name,
    quantity: 1 + (i % 3),
    listPrice: p.price,
    unitPrice: p.price,
  }
  return [gql(ADD_LINE, { line })]
}

/** Move slots: one per deal, there and back, starting away from the stage it is in now. */
export function moveSlots(
  f: TenantFacts,
  stages: Map<string, string>,
  make: (dealId: string, stage: Stage) => HttpOp,
): HttpOp[][] {
  const [a, b] = f.moveStages
  return f.moveDeals.map((d) => {
    const atA = (stages.get(d.id) ?? d.stageId) === a.id
    return atA ? [make(d.id, b), make(d.id, a)] : [make(d.id, a), make(d.id, b)]
  })
}

export const lineSlots = (f: TenantFacts, make: (f: TenantFacts, dealId: string, i: number) => HttpOp) =>
  f.lineDeals.map((id, i) => [make(f, id, i)])
