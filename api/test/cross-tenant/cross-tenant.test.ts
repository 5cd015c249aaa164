// Issue 4's isolation proof: for every operation the OpenAPI document lists, tenant B (every role) and a
// rep of tenant A who does not own the records try A's ids through path, query and body. Every attempt
// must look exactly like asking for an id that does not exist, and A's data must not change.
import { schema } from '@aura/db'
import { createContact, createDeal } from '@aura/db/seed/index'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi } from '../harness.ts'
import { createWorkspace, type Member } from '../workspace.ts'
import { type Attack, bodyAttacks, type OpenApiDoc, pathAttacks, queryAttacks } from './cases.ts'
import { elevateAll, type Records, recordsOf } from './world.ts'

type Ws = Awaited<ReturnType<typeof createWorkspace>>

let api: Awaited<ReturnType<typeof createTestApi>>
let a: Ws
let b: Ws
let victim: Records
let own: Records
let outsider: Member
let doc: OpenApiDoc

const randomUuids = (path: string) =>
  path.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, () => crypto.randomUUID())

function send(ws: Ws, who: Member, attack: Attack, path = attack.path) {
  return ws.as(who, path, {
    method: attack.method,
    ...(attack.body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(attack.body) }),
  })
}

/** What of A must never show up in B's answers. */
const secrets = () => [
  victim.org.name,
  victim.deal.name,
  victim.product.sku,
  victim.contact.email ?? '@@none',
]

/** Every row of A that an attack could touch, read as the owner (outside RLS). */
async function snapshotOfA() {
  const tables = [
    schema.organizations,
    schema.contacts,
    schema.deals,
    schema.dealLineItems,
    schema.activities,
    schema.products,
    schema.pricingBlueprints,
    schema.salesProcesses,
    schema.processStages,
    schema.customFieldDefinitions,
    schema.invitations,
    schema.apiTokens,
    schema.notifications,
    schema.users,
  ]
  const rows = []
  for (const t of tables) rows.push(await api.db.select().from(t).where(eq(t.tenantId, a.tenant.id)))
  return JSON.stringify(rows)
}

async function expectIndistinguishable(ws: Ws, who: Member, attack: Attack) {
  const res = await send(ws, who, attack)
  const control = await send(ws, who, attack, randomUuids(attack.path))
  const text = await res.text()
  const controlBody = await control.text()
  const summary = `${who.role} ${attack.label}: ${res.status} vs unknown id ${control.status}`
  expect(res.status, summary).toBeGreaterThanOrEqual(400)
  expect(res.status, summary).toBe(control.status)
  expect(JSON.parse(text).code, summary).toBe(JSON.parse(controlBody).code)
  for (const secret of secrets()) expect(text, summary).not.toContain(secret)
}

async function expectNothingFound(ws: Ws, who: Member, attack: Attack) {
  const res = await send(ws, who, attack)
  const text = await res.text()
  const summary = `${who.role} ${attack.label}: ${res.status}`
  if (res.status < 300) expect(JSON.parse(text).data, summary).toEqual([])
  else expect(res.status, summary).toBeGreaterThanOrEqual(400)
  for (const secret of secrets()) expect(text, summary).not.toContain(secret)
}

async function expectRefused(ws: Ws, who: Member, attack: Attack) {
  const res = await send(ws, who, attack)
  const summary = `${who.role} ${attack.label}: ${res.status} ${await res.text()}`
  expect([400, 403, 404, 409, 422], summary).toContain(res.status)
}

beforeAll(async () => {
  api = await createTestApi({ RATE_LIMIT_USER_PER_MINUTE: '100000' })
  a = await createWorkspace(api)
  b = await createWorkspace(api)
  victim = await recordsOf(api, a)
  own = await recordsOf(api, b)
  outsider = await a.member('rep')
  await elevateAll(api, [b.admin, b.manager, b.rep, outsider])
  doc = (await (await api.request('root', '/openapi.json')).json()) as OpenApiDoc
}, 120_000)
afterAll(() => api?.close())

describe('tenant B cannot reach tenant A', () => {
  it('through ids in the path: every operation answers as for an id that does not exist', async () => {
    const before = await snapshotOfA()
    const attacks = pathAttacks(doc, victim)
    expect(attacks.length).toBeGreaterThan(30)
    for (const who of [b.admin, b.manager, b.rep])
      for (const attack of attacks) await expectIndistinguishable(b, who, attack)
    expect(await snapshotOfA()).toBe(before)
  }, 300_000)

  it('through id filters in the query: lists come back empty', async () => {
    const attacks = queryAttacks(doc, victim)
    expect(attacks.length).toBeGreaterThan(10)
    for (const who of [b.admin, b.manager, b.rep])
      for (const attack of attacks) await expectNothingFound(b, who, attack)
  }, 300_000)

  it('through notification ids to mark read (`ids`): nothing is marked, as for unknown ids', async () => {
    const before = await snapshotOfA()
    for (const who of [b.admin, b.manager, b.rep, outsider]) {
      const ws = who === outsider ? a : b
      const res = await ws.as(who, '/notifications/read', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ids: [victim.notification.id] }),
      })
      expect([who.role, res.status, await res.json()]).toEqual([who.role, 200, { marked: 0 }])
    }
    expect(await snapshotOfA()).toBe(before)
  })

  it("through ids in request bodies on B's own records: refused, and nothing of A changes", async () => {
    const before = await snapshotOfA()
    const attacks = bodyAttacks(doc, victim, own)
    expect(attacks.length).toBeGreaterThan(10)
    for (const who of [b.admin, b.manager, b.rep])
      for (const attack of attacks) await expectRefused(b, who, attack)
    expect(await snapshotOfA()).toBe(before)
  }, 300_000)
})

describe("a rep of A cannot reach a colleague's contacts and deals", () => {
  const owned = (attack: Attack) =>
    /^(GET|POST|PATCH|PUT|DELETE) \/(contacts|deals|activities)\/\{id\}/.test(attack.label)

  it('through ids in the path', async () => {
    const before = await snapshotOfA()
    const attacks = pathAttacks(doc, victim).filter(owned)
    expect(attacks.length).toBeGreaterThan(10)
    for (const attack of attacks) await expectIndistinguishable(a, outsider, attack)
    expect(await snapshotOfA()).toBe(before)
  }, 300_000)

  it('through filters and bodies', async () => {
    for (const attack of queryAttacks(doc, victim).filter((x) =>
      /contactId|dealId|assignedUserId/.test(x.label),
    )) {
      await expectNothingFound(a, outsider, attack)
    }
    const mine = await createContact(api.db, { tenantId: a.tenant.id, assignedUserId: outsider.id })
    const myDeal = await createDeal(api.db, { tenantId: a.tenant.id, assignedUserId: outsider.id })
    const json = (method: string, path: string, body: unknown): Attack => ({
      label: `${method} ${path}`,
      method,
      path,
      body,
    })
    await expectRefused(a, outsider, json('POST', '/deals', { name: 'x', contactId: victim.contact.id }))
    await expectRefused(a, outsider, json('PATCH', `/deals/${myDeal.id}`, { contactId: victim.contact.id }))
    await expectRefused(
      a,
      outsider,
      json('POST', `/contacts/${mine.id}/activities`, {
        type: 'note',
        description: 'x',
        dealId: victim.deal.id,
      }),
    )
  }, 300_000)
})
