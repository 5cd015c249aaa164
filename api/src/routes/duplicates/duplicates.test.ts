// Duplicates and merge (issue 15, ADR 0172): each reason found and non-duplicates left alone, a rep's view
// of their own records only, a merge that moves every related row, soft-deletes the other and writes one
// audit row, an undo that puts back exactly what moved, and refusals (foreign, hidden, cross-tenant ids).
import { schema, withTenant } from '@aura/db'
import { uniq } from '@aura/db/seed/index'
import { z } from '@hono/zod-openapi'
import { eq, inArray } from 'drizzle-orm'
import { expect } from 'vitest'
import { auditOf } from '../../../test/deal-fixtures.ts'
import {
  call,
  fields,
  it,
  type Member,
  present,
  send,
  type TestApi,
  type Workspace,
  ZRefusal,
} from '../../../test/fixtures.ts'
import { ZDuplicatePage, ZMerge } from './duplicates.routes.ts'

const ZRecord = z.object({ id: z.uuid() }).loose()

async function created(ws: Workspace, who: Member, path: string, body: Record<string, unknown>) {
  const res = await call(ws, who, path, send('POST', body), ZRecord)
  if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`)
  return present(res.body.id)
}
const contact = (ws: Workspace, who: Member, body: Record<string, unknown>) =>
  created(ws, who, '/contacts', { firstName: 'Ann', ...body })
const org = (ws: Workspace, who: Member, body: Record<string, unknown>) =>
  created(ws, who, '/organizations', body)

/** Every group of every page, as "reason: id,id" with the ids sorted, for the given entity. */
async function groups(ws: Workspace, who: Member, entity: 'contact' | 'organization', limit = 5) {
  const found: Array<{ reason: string; ids: string[] }> = []
  let cursor: string | null = null
  for (let page = 0; page < 200; page++) {
    const q: string = `/duplicates?entity=${entity}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`
    const res = await call(ws, who, q, undefined, ZDuplicatePage)
    expect(res.status).toBe(200)
    for (const g of res.body.data) found.push({ reason: g.reason, ids: g.records.map((r) => r.id).sort() })
    cursor = res.body.nextCursor
    if (!cursor) return found
  }
  throw new Error('the duplicates view did not end')
}
const pairOf = (reason: string, ...ids: string[]) => ({ reason, ids: [...ids].sort() })
const involving = (gs: Array<{ ids: string[] }>, id: string) => gs.filter((g) => g.ids.includes(id))

it('finds contacts sharing an e-mail (Gmail dots and +tags ignored), phone digits, or a similar name at one company', async ({
  ws,
}) => {
  const u = uniq()
  const gmailA = await contact(ws, ws.rep, { lastName: `Lee${u}`, email: `ann.lee.${u}+work@gmail.com` })
  const gmailB = await contact(ws, ws.rep, { lastName: `Leigh${u}`, email: `annlee${u}@googlemail.com` })
  const corpA = await contact(ws, ws.rep, { lastName: `Dot${u}`, email: `a.b${u}@corp.test` })
  const corpB = await contact(ws, ws.rep, { lastName: `Nodot${u}`, email: `ab${u}@corp.test` })
  const digits = String(Date.now()).slice(-7)
  const phoneA = await contact(ws, ws.rep, {
    firstName: 'Pia',
    lastName: `A${u}`,
    phone: `+1 (${digits.slice(0, 3)}) ${digits.slice(3)}-99`,
  })
  const phoneB = await contact(ws, ws.rep, { firstName: 'Otto', lastName: `B${u}`, phone: `1${digits}99` })
  const shortA = await contact(ws, ws.rep, { firstName: 'Sid', lastName: `C${u}`, phone: '555-01' })
  const shortB = await contact(ws, ws.rep, { firstName: 'Lou', lastName: `D${u}`, phone: '55501' })
  const company = await org(ws, ws.admin, { name: `Northwind ${u}` })
  const elsewhere = await org(ws, ws.admin, { name: `Southwind ${u}` })
  const jon = await contact(ws, ws.rep, { firstName: 'Jon', lastName: `Smith${u}`, organizationId: company })
  const john = await contact(ws, ws.rep, {
    firstName: 'John',
    lastName: `Smith${u}`,
    organizationId: company,
  })
  const mary = await contact(ws, ws.rep, {
    firstName: 'Mary',
    lastName: `Watanabe${u}`,
    organizationId: company,
  })
  const johnElsewhere = await contact(ws, ws.rep, {
    firstName: 'John',
    lastName: `Smith${u}`,
    organizationId: elsewhere,
  })

  const seen = await groups(ws, ws.rep, 'contact', 3)
  expect(involving(seen, gmailA)).toEqual([pairOf('email', gmailA, gmailB)])
  expect(involving(seen, phoneA)).toEqual([pairOf('phone', phoneA, phoneB)])
  expect(involving(seen, jon)).toEqual([pairOf('name', jon, john)])
  for (const lone of [corpA, corpB, shortA, shortB, mary, johnElsewhere])
    expect(involving(seen, lone)).toEqual([])
})

it('finds organizations with one domain or a similar name, not different companies', async ({ ws }) => {
  const u = uniq()
  const a = await org(ws, ws.admin, { name: `Acme ${u}`, website: `https://www.acme-${u}.test/about` })
  const b = await org(ws, ws.admin, { name: `Roadrunner ${u}`, website: `HTTP://ACME-${u}.test` })
  const c = await org(ws, ws.admin, { name: `Globex${u} Corp` })
  const d = await org(ws, ws.admin, { name: `GLOBEX${u}, Inc.` })
  const e = await org(ws, ws.admin, { name: `Initech${u}`, website: `https://initech-${u}.test` })
  const f = await org(ws, ws.admin, { name: `Umbrella${u}`, website: `https://umbrella-${u}.test` })
  const seen = await groups(ws, ws.manager, 'organization', 2)
  expect(involving(seen, a)).toEqual([pairOf('domain', a, b)])
  expect(involving(seen, c)).toEqual([pairOf('name', c, d)])
  expect(involving(seen, e)).toEqual([])
  expect(involving(seen, f)).toEqual([])
})

it('shows a rep only pairs of their own contacts; a manager sees every pair', async ({ ws }) => {
  const u = uniq()
  const digits = String(Date.now()).slice(-6)
  const phone = `+39 02 ${digits}`
  const mine = await contact(ws, ws.rep, { lastName: `Mine${u}`, phone })
  const theirsA = await contact(ws, ws.admin, { lastName: `A${u}`, phone, assignedUserId: ws.manager.id })
  const theirsB = await contact(ws, ws.admin, {
    lastName: `B${u}`,
    phone: `39-02-${digits}`,
    assignedUserId: ws.manager.id,
  })
  const rep = await groups(ws, ws.rep, 'contact', 25)
  expect(rep.flatMap((g) => g.ids)).not.toContain(theirsA)
  expect(rep.flatMap((g) => g.ids)).not.toContain(theirsB)
  expect(involving(rep, mine)).toEqual([])
  const manager = await groups(ws, ws.manager, 'contact', 25)
  expect(involving(manager, mine)).toEqual([pairOf('phone', mine, theirsA, theirsB)])
})

const rowsPointingAt = async (api: TestApi, contactId: string) => ({
  deals: (
    await api.db
      .select({ id: schema.deals.id })
      .from(schema.deals)
      .where(eq(schema.deals.contactId, contactId))
  )
    .map((r) => r.id)
    .sort(),
  activities: (
    await api.db
      .select({ id: schema.activities.id })
      .from(schema.activities)
      .where(eq(schema.activities.contactId, contactId))
  )
    .map((r) => r.id)
    .sort(),
  tasks: (
    await api.db
      .select({ id: schema.tasks.id })
      .from(schema.tasks)
      .where(eq(schema.tasks.contactId, contactId))
  )
    .map((r) => r.id)
    .sort(),
})
const contactRow = async (api: TestApi, id: string) =>
  present((await api.db.select().from(schema.contacts).where(eq(schema.contacts.id, id)))[0])

it('a rep merges two of their contacts choosing values: every related row moves, one audit row, and undo puts back exactly what moved', async ({
  api,
  ws,
}) => {
  const u = uniq()
  const survivor = await contact(ws, ws.rep, {
    firstName: 'Marco',
    lastName: `Bianchi${u}`,
    email: `marco-${u}@old.test`,
    title: 'CEO',
  })
  const other = await contact(ws, ws.rep, {
    firstName: 'Marco',
    lastName: `Bianchi${u}`,
    email: `marco.bianchi-${u}@new.test`,
    phone: '+39 333 1234567',
    title: 'Founder',
  })
  const deal = present(
    (await call(ws, ws.rep, '/deals', send('POST', { name: `Deal ${u}`, contactId: other }), ZRecord)).body
      .id,
  )
  const survivorDeal = present(
    (await call(ws, ws.rep, '/deals', send('POST', { name: `Kept ${u}`, contactId: survivor }), ZRecord)).body
      .id,
  )
  const note = await call(
    ws,
    ws.rep,
    `/contacts/${other}/activities`,
    send('POST', { type: 'note', description: 'Met at the fair' }),
    ZRecord,
  )
  expect(note.status).toBe(201)
  const due = new Date(Date.now() + 86_400_000).toISOString()
  const open = present(
    (
      await call(
        ws,
        ws.rep,
        '/tasks',
        send('POST', { type: 'call', subject: 'Call', dueAt: due, contactId: other }),
        ZRecord,
      )
    ).body.id,
  )
  const done = present(
    (
      await call(
        ws,
        ws.rep,
        '/tasks',
        send('POST', { type: 'email', subject: 'Mail', dueAt: due, contactId: other }),
        ZRecord,
      )
    ).body.id,
  )
  expect((await call(ws, ws.rep, `/tasks/${done}/complete`, send('POST'), ZRecord)).status).toBe(200)
  const before = { survivor: await contactRow(api, survivor), other: await contactRow(api, other) }
  const moved = await rowsPointingAt(api, other)
  expect(moved.deals).toEqual([deal])
  expect(moved.tasks).toEqual([open, done].sort())
  expect(moved.activities).toHaveLength(1)

  const merged = await call(
    ws,
    ws.rep,
    '/duplicates/merges',
    send('POST', {
      entity: 'contact',
      survivorId: survivor,
      otherId: other,
      fields: { email: 'other', phone: 'other', title: 'survivor' },
    }),
    ZMerge,
  )
  expect(merged.status).toBe(201)
  expect(merged.body).toMatchObject({
    survivorId: survivor,
    otherId: other,
    undoneAt: null,
    moved: { deals: 1, activities: 1, tasks: 2 },
  })
  expect(merged.body.fields.sort()).toEqual(['email', 'phone'])
  expect(new Date(merged.body.undoUntil).getTime() - new Date(merged.body.mergedAt).getTime()).toBe(
    30 * 86_400_000,
  )

  const after = await contactRow(api, survivor)
  expect({ email: after.email, phone: after.phone, title: after.title }).toEqual({
    email: `marco.bianchi-${u}@new.test`,
    phone: '+39 333 1234567',
    title: 'CEO',
  })
  expect((await contactRow(api, other)).deletedAt).not.toBeNull()
  expect((await call(ws, ws.rep, `/contacts/${other}`, undefined, ZRefusal)).status).toBe(404)
  const now = await rowsPointingAt(api, survivor)
  expect(now.deals).toEqual([deal, survivorDeal].sort())
  expect(now.tasks).toEqual([open, done].sort())
  expect(now.activities).toEqual(moved.activities)
  expect(await rowsPointingAt(api, other)).toEqual({ deals: [], activities: [], tasks: [] })
  // The moved activity is listed for the survivor's owner (activity_owners follows the move).
  const owners = await api.db
    .select()
    .from(schema.activityOwners)
    .where(inArray(schema.activityOwners.activityId, moved.activities))
  expect(owners.map((o) => o.userId)).toContain(ws.rep.id)

  const audits = (await auditOf(api, ws.tenant.id, 'contact.merged')).filter((r) => r.entityId === survivor)
  expect(audits).toHaveLength(1)
  expect(audits[0]?.after).toMatchObject({
    mergeId: merged.body.id,
    otherId: other,
    moved: { deals: [deal] },
  })

  // Undo: the other is back with its values, the survivor's are as before, the moved rows go back.
  const undone = await call(ws, ws.rep, `/duplicates/merges/${merged.body.id}/undo`, send('POST'), ZMerge)
  expect(undone.status).toBe(200)
  expect(undone.body.undoneBy).toBe(ws.rep.id)
  const pick = (r: typeof before.survivor) => ({
    firstName: r.firstName,
    lastName: r.lastName,
    email: r.email,
    phone: r.phone,
    title: r.title,
    organizationId: r.organizationId,
    customFields: r.customFields,
    deletedAt: r.deletedAt,
  })
  expect(pick(await contactRow(api, survivor))).toEqual(pick(before.survivor))
  expect(pick(await contactRow(api, other))).toEqual(pick(before.other))
  expect(await rowsPointingAt(api, other)).toEqual(moved)
  expect((await rowsPointingAt(api, survivor)).deals).toEqual([survivorDeal])
  expect(
    (await auditOf(api, ws.tenant.id, 'contact.merge_undone')).filter((r) => r.entityId === other),
  ).toHaveLength(1)

  const again = await call(ws, ws.rep, `/duplicates/merges/${merged.body.id}/undo`, send('POST'), ZRefusal)
  expect(again.status).toBe(409)
})

it('an undo that would give an e-mail taken since is refused, nothing changed', async ({ api, ws }) => {
  const u = uniq()
  const survivor = await contact(ws, ws.rep, { lastName: `Keep${u}`, email: `keep-${u}@example.test` })
  const other = await contact(ws, ws.rep, { lastName: `Gone${u}`, email: `gone-${u}@example.test` })
  const merged = await call(
    ws,
    ws.rep,
    '/duplicates/merges',
    send('POST', { entity: 'contact', survivorId: survivor, otherId: other }),
    ZMerge,
  )
  expect(merged.status).toBe(201)
  // The other's e-mail is free after the merge: someone takes it.
  await contact(ws, ws.rep, { lastName: `New${u}`, email: `gone-${u}@example.test` })
  const undo = await call(ws, ws.rep, `/duplicates/merges/${merged.body.id}/undo`, send('POST'), ZRefusal)
  expect(undo.status).toBe(409)
  expect(fields(undo.body)).toEqual(['email'])
  expect((await contactRow(api, other)).deletedAt).not.toBeNull()
  const [row] = await api.db.select().from(schema.merges).where(eq(schema.merges.id, merged.body.id))
  expect(row?.undoneAt).toBeNull()
})

it('organizations: a manager merges, contacts, deals and subsidiaries move; a rep may not; undo moves them back', async ({
  api,
  ws,
}) => {
  const u = uniq()
  const survivor = await org(ws, ws.manager, { name: `Contoso ${u}`, website: `https://contoso-${u}.test` })
  const other = await org(ws, ws.manager, { name: `Contoso ${u} Ltd`, industry: 'Retail' })
  const child = await org(ws, ws.manager, { name: `Contoso ${u} Italia`, parentId: other })
  const person = await contact(ws, ws.rep, { lastName: `Org${u}`, organizationId: other })
  const deal = present(
    (
      await call(
        ws,
        ws.rep,
        '/deals',
        send('POST', { name: `Org deal ${u}`, organizationId: other }),
        ZRecord,
      )
    ).body.id,
  )
  const body = { entity: 'organization', survivorId: survivor, otherId: other, fields: { industry: 'other' } }
  const refused = await call(ws, ws.rep, '/duplicates/merges', send('POST', body), ZRefusal)
  expect(refused.status).toBe(403)

  const merged = await call(ws, ws.manager, '/duplicates/merges', send('POST', body), ZMerge)
  expect(merged.status).toBe(201)
  expect(merged.body.moved).toEqual({ contacts: 1, deals: 1, organizations: 1 })
  const o = schema.organizations
  const [s] = await api.db.select().from(o).where(eq(o.id, survivor))
  expect(s?.industry).toBe('Retail')
  expect((await api.db.select().from(o).where(eq(o.id, other)))[0]?.deletedAt).not.toBeNull()
  expect((await api.db.select().from(o).where(eq(o.id, child)))[0]?.parentId).toBe(survivor)
  expect((await contactRow(api, person)).organizationId).toBe(survivor)
  expect((await api.db.select().from(schema.deals).where(eq(schema.deals.id, deal)))[0]?.organizationId).toBe(
    survivor,
  )
  expect(
    (await auditOf(api, ws.tenant.id, 'organization.merged')).filter((r) => r.entityId === survivor),
  ).toHaveLength(1)

  const undone = await call(ws, ws.manager, `/duplicates/merges/${merged.body.id}/undo`, send('POST'), ZMerge)
  expect(undone.status).toBe(200)
  expect((await api.db.select().from(o).where(eq(o.id, survivor)))[0]?.industry).toBeNull()
  expect((await api.db.select().from(o).where(eq(o.id, other)))[0]?.deletedAt).toBeNull()
  expect((await api.db.select().from(o).where(eq(o.id, child)))[0]?.parentId).toBe(other)
  expect((await contactRow(api, person)).organizationId).toBe(other)
})

it('refuses bad input by field, a colleague’s or another workspace’s record as not found, and a subsidiary as survivor of its parent', async ({
  ws,
  other: foreign,
}) => {
  const u = uniq()
  const mine = await contact(ws, ws.rep, { lastName: `Mine${u}` })
  const mine2 = await contact(ws, ws.rep, { lastName: `Mine2${u}` })
  const managers = await contact(ws, ws.manager, { lastName: `Managers${u}` })
  const theirs = await contact(foreign, foreign.rep, { lastName: `Foreign${u}` })
  const merge = (who: Member, body: Record<string, unknown>, w: Workspace = ws) =>
    call(w, who, '/duplicates/merges', send('POST', { entity: 'contact', ...body }), ZRefusal)

  const same = await merge(ws.rep, { survivorId: mine, otherId: mine })
  expect([same.status, fields(same.body)]).toEqual([400, ['otherId']])
  const unknownField = await merge(ws.rep, { survivorId: mine, otherId: mine2, fields: { website: 'other' } })
  expect(unknownField.status).toBe(400)
  const badSide = await merge(ws.rep, { survivorId: mine, otherId: mine2, fields: { email: 'both' } })
  expect([badSide.status, fields(badSide.body)]).toEqual([400, ['fields.email']])
  expect((await merge(ws.rep, { survivorId: mine, otherId: managers })).status).toBe(404)
  expect((await merge(ws.rep, { survivorId: managers, otherId: mine })).status).toBe(404)
  expect((await merge(ws.admin, { survivorId: mine, otherId: theirs })).status).toBe(404)
  expect((await merge(foreign.admin, { survivorId: theirs, otherId: mine }, foreign)).status).toBe(404)
  const badCursor = await call(ws, ws.rep, '/duplicates?cursor=nonsense', undefined, ZRefusal)
  expect([badCursor.status, fields(badCursor.body)]).toEqual([400, ['cursor']])
  const badEntity = await call(ws, ws.rep, '/duplicates?entity=deal', undefined, ZRefusal)
  expect([badEntity.status, fields(badEntity.body)]).toEqual([400, ['entity']])

  // Nothing was half-written: both contacts are live and unmerged.
  expect((await call(ws, ws.rep, `/contacts/${mine2}`, undefined, ZRecord)).status).toBe(200)
  expect((await call(ws, ws.manager, `/contacts/${managers}`, undefined, ZRecord)).status).toBe(200)

  // A rep's own merge is theirs to read and undo; another rep's (or workspace's) is not found.
  const merged = await call(
    ws,
    ws.rep,
    '/duplicates/merges',
    send('POST', { entity: 'contact', survivorId: mine, otherId: mine2 }),
    ZMerge,
  )
  expect(merged.status).toBe(201)
  expect(
    (await call(foreign, foreign.admin, `/duplicates/merges/${merged.body.id}`, undefined, ZRefusal)).status,
  ).toBe(404)
  expect(
    (await call(foreign, foreign.admin, `/duplicates/merges/${merged.body.id}/undo`, send('POST'), ZRefusal))
      .status,
  ).toBe(404)
  expect((await call(ws, ws.admin, `/duplicates/merges/${merged.body.id}`, undefined, ZMerge)).status).toBe(
    200,
  )

  // A manager's deal on the rep's contact: the rep cannot see it, so cannot move it; the merge is refused.
  const linked = await contact(ws, ws.rep, { lastName: `Linked${u}` })
  const hidden = await created(ws, ws.manager, '/deals', { name: `Hidden ${u}`, contactId: linked })
  const blocked = await merge(ws.rep, { survivorId: mine, otherId: linked })
  expect([blocked.status, fields(blocked.body)]).toEqual([409, ['otherId']])
  expect((await call(ws, ws.rep, `/contacts/${linked}`, undefined, ZRecord)).status).toBe(200)
  expect((await merge(ws.manager, { survivorId: mine, otherId: linked })).status).toBe(201)
  expect(
    (await call(ws, ws.manager, `/deals/${hidden}`, undefined, z.object({ contactId: z.uuid() }).loose()))
      .body.contactId,
  ).toBe(mine)

  const parent = await org(ws, ws.admin, { name: `Parent ${u}` })
  const sub = await org(ws, ws.admin, { name: `Sub ${u}`, parentId: parent })
  const cycle = await call(
    ws,
    ws.admin,
    '/duplicates/merges',
    send('POST', { entity: 'organization', survivorId: sub, otherId: parent }),
    ZRefusal,
  )
  expect([cycle.status, fields(cycle.body)]).toEqual([409, ['survivorId']])
})

it('outside a merge, an activity’s contact and a completed task’s contact still cannot change (database guard)', async ({
  api,
  ws,
}) => {
  const u = uniq()
  const from = await contact(ws, ws.rep, { lastName: `From${u}` })
  const to = await contact(ws, ws.rep, { lastName: `To${u}` })
  const note = await created(ws, ws.rep, `/contacts/${from}/activities`, { type: 'note', description: 'x' })
  const due = new Date(Date.now() + 86_400_000).toISOString()
  const task = await created(ws, ws.rep, '/tasks', {
    type: 'call',
    subject: 'Call',
    dueAt: due,
    contactId: from,
  })
  expect((await call(ws, ws.rep, `/tasks/${task}/complete`, send('POST'), ZRecord)).status).toBe(200)
  const asRep = { tenantId: ws.tenant.id, userId: ws.rep.id, role: 'rep' as const }
  for (const table of [schema.activities, schema.tasks]) {
    const id = table === schema.activities ? note : task
    await expect(
      withTenant(api.db, asRep, (tx) => tx.update(table).set({ contactId: to }).where(eq(table.id, id))),
    ).rejects.toThrow()
  }
  expect((await rowsPointingAt(api, from)).activities).toEqual([note])
})
