// Before any timing: the peer must answer each scenario with the same rows as Aura (ids, in order), and
// its writes must change the same rows. A scenario that differs gets no peer windows; the report says why.
import pg from 'pg'
import type { TenantFacts } from '../facts.ts'
import { httpRequest } from '../http.ts'
import { auraAddLine, auraMove, type Cursors, peerAddLine, peerMove } from '../scenarios/operations.ts'
import { DEAL_WITH_LINES, graphqlBody, LIST_DEALS, SEARCH_CONTACTS } from './queries.ts'

export interface Endpoint {
  port: number
  host: string
  headers: Record<string, string>
}

type Json = Record<string, unknown>
interface Page {
  ids: string[]
  next: string | null
}

async function call(e: Endpoint, method: string, path: string, body?: string): Promise<Json> {
  const res = await httpRequest({
    port: e.port,
    host: e.host,
    headers: e.headers,
    method,
    path,
    ...(body ? { body } : {}),
  })
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${res.text.slice(0, 200)}`)
  const json = JSON.parse(res.text) as Json
  if (json.errors) throw new Error(`GraphQL errors: ${JSON.stringify(json.errors).slice(0, 300)}`)
  return json
}
const gql = async (e: Endpoint, query: string, variables: Json) =>
  (await call(e, 'POST', '/graphql', graphqlBody(query, variables))).data as Json

const auraPage = async (e: Endpoint, cursor: string | null): Promise<Page> => {
  const j = await call(
    e,
    'GET',
    `/api/v1/deals?limit=25${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
  )
  return { ids: (j.data as { id: string }[]).map((d) => d.id), next: j.nextCursor as string | null }
}
const peerPage = async (e: Endpoint, after: string | null): Promise<Page> => {
  const c = (await gql(e, LIST_DEALS, { after })).allDeals as {
    nodes: { rowId: string }[]
    pageInfo: { endCursor: string | null; hasNextPage: boolean }
  }
  return { ids: c.nodes.map((n) => n.rowId), next: c.pageInfo.hasNextPage ? c.pageInfo.endCursor : null }
}

/** Walks to page `n`; returns the cursor that opens it. */
async function cursorOf(fetch: (c: string | null) => Promise<Page>, n: number): Promise<string | undefined> {
  let cursor: string | null = null
  for (let i = 1; i < n; i++) {
    cursor = (await fetch(cursor)).next
    if (!cursor) throw new Error(`fewer than ${n} pages`)
  }
  return cursor ?? undefined
}

const same = (a: string[], b: string[]) =>
  a.length > 0 && a.length === b.length && a.every((x, i) => x === b[i])
const differ = (what: string, a: string[], b: string[]) =>
  `n/a: ${what} differ (Aura ${a.length} ids ${a.slice(0, 2).join(',')}…, peer ${b.length} ids ${b.slice(0, 2).join(',')}…)`

export async function auraCursor(aura: Endpoint, pageN: number) {
  return cursorOf((c) => auraPage(aura, c), pageN)
}

type Verified = Record<string, string | true>

const checker = (verified: Verified) => async (key: string, fn: () => Promise<string | true>) => {
  try {
    verified[key] = await fn()
  } catch (error) {
    verified[key] = `n/a: peer failed (${String(error).slice(0, 200)})`
  }
}

/** The reads, before anything is written (a write reorders the list). */
export async function verifyPeerReads(
  f: TenantFacts,
  aura: Endpoint,
  peer: Endpoint,
  pageN: number,
  auraPageN: string | undefined,
): Promise<{ verified: Verified; cursors: Cursors }> {
  const verified: Verified = {}
  const cursors: Cursors = { aura: auraPageN }
  const check = checker(verified)
  await check('listP1', async () => {
    const [a, p] = [(await auraPage(aura, null)).ids, (await peerPage(peer, null)).ids]
    return same(a, p) || differ('page 1 ids', a, p)
  })
  await check('listPN', async () => {
    cursors.peer = await cursorOf((c) => peerPage(peer, c), pageN)
    const [a, p] = [
      (await auraPage(aura, cursors.aura ?? null)).ids,
      (await peerPage(peer, cursors.peer ?? null)).ids,
    ]
    return same(a, p) || differ(`page ${pageN} ids`, a, p)
  })
  await check('deal', async () => {
    const deal = (await call(aura, 'GET', `/api/v1/deals/${f.dealId}?include=lineItems`)) as {
      id: string
      lineItems: { data: { id: string }[] }
    }
    const lines = deal.lineItems.data
    const d = (await gql(peer, DEAL_WITH_LINES, { id: f.dealId })).dealByRowId as {
      rowId: string
      dealLineItemsByTenantIdAndDealId: { nodes: { rowId: string }[] }
    }
    const [a, p] = [
      [deal.id, ...lines.map((l) => l.id)],
      [d.rowId, ...d.dealLineItemsByTenantIdAndDealId.nodes.map((n) => n.rowId)],
    ]
    return same(a, p) || differ('deal and line ids', a, p)
  })
  await check('search', async () => {
    const path = `/api/v1/contacts?q=${encodeURIComponent(f.commonName)}&limit=25`
    const a = ((await call(aura, 'GET', path)).data as { id: string }[]).map((c) => c.id)
    const nodes = (
      (await gql(peer, SEARCH_CONTACTS, { q: f.commonName })).searchContacts as {
        nodes: { contact: { rowId: string } | null }[]
      }
    ).nodes
    const p = nodes.map((n) => n.contact?.rowId ?? '')
    return same(a, p) || differ('search ids', a, p)
  })
  return { verified, cursors }
}

export async function verifyPeerWrites(f: TenantFacts, aura: Endpoint, peer: Endpoint, url: string) {
  const verified: Verified = {}
  const check = checker(verified)
  await check('move', () => verifyMove(f, aura, peer, url))
  await check('add', () => verifyAdd(f, aura, peer, url))
  return verified
}

/** Aura moves a deal away, the peer moves it back: both changes must land on the deal. */
async function verifyMove(
  f: TenantFacts,
  aura: Endpoint,
  peer: Endpoint,
  url: string,
): Promise<string | true> {
  const deal = f.moveDeals.at(-1)
  if (!deal) return 'n/a: no deal to move'
  const [a, b] = f.moveStages
  const start = await ownerValue(url, 'select stage_id as v from deals where id = $1', [deal.id])
  const away = start === a.id ? b : a
  const back = start === a.id ? a : b
  const op = auraMove(deal.id, away)[0]
  const moved = (await call(aura, 'POST', op?.path ?? '', op?.body)) as { stageId: string }
  const afterAura = await ownerValue(url, 'select stage_id as v from deals where id = $1', [deal.id])
  const pop = peerMove(deal.id, back)[0]
  const res = (await call(peer, 'POST', '/graphql', pop?.body)).data as Json
  const peerDeal = (res.updateDealByRowId as { deal: { stageId: string } | null }).deal
  const afterPeer = await ownerValue(url, 'select stage_id as v from deals where id = $1', [deal.id])
  if (moved.stageId !== away.id || afterAura !== away.id) return 'n/a: Aura did not move the deal'
  if (peerDeal?.stageId !== back.id || afterPeer !== back.id) return 'n/a: the peer did not move the deal'
  return true
}

/** Both add a line to the same deal: two new live lines. */
async function verifyAdd(
  f: TenantFacts,
  aura: Endpoint,
  peer: Endpoint,
  url: string,
): Promise<string | true> {
  const dealId = f.lineDeals.at(-1)
  if (!dealId) return 'n/a: no deal for lines'
  const count = () =>
    ownerValue(
      url,
      'select count(*)::text as v from deal_line_items where deal_id = $1 and deleted_at is null',
      [dealId],
    )
  const before = Number(await count())
  const op = auraAddLine(f, dealId, 0)[0]
  await call(aura, 'POST', op?.path ?? '', op?.body)
  const pop = peerAddLine(f, dealId, 0)[0]
  const res = (await call(peer, 'POST', '/graphql', pop?.body)).data as Json
  const line = (res.createDealLineItem as { dealLineItem: { dealId: string } | null }).dealLineItem
  const after = Number(await count())
  return (
    (after === before + 2 && line?.dealId === dealId) || `n/a: expected 2 new lines, found ${after - before}`
  )
}

async function ownerValue(url: string, text: string, values: unknown[]): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<{ v: string }>(text, values)).rows[0]?.v
  } finally {
    await client.end()
  }
}
