// In-app notifications (F15, ADR 0169): each event reaches exactly the people it concerns and nobody else —
// never the actor, never a rep about a colleague's record, never another workspace — a preference turns a
// kind off, and the feed forgets what its reader can no longer see.
import { schema } from '@aura/db'
import { eq } from 'drizzle-orm'
import { expect } from 'vitest'
import { stage } from '../../../test/deal-fixtures.ts'
import {
  call,
  fields,
  it,
  type Member,
  present,
  send,
  type Workspace,
  ZRefusal,
} from '../../../test/fixtures.ts'
import { jsonBody, lastEmailTo, linkIn } from '../../../test/harness.ts'
import { elevate } from '../../../test/workspace.ts'
import { ZPage } from '../../lib/pagination.ts'
import { ZDeal } from '../deals/deals.schemas.ts'
import { ZTask } from '../tasks/tasks.routes.ts'
import { ZMarked, ZNotification, ZPreferences, ZUnreadCount } from './notifications.routes.ts'

const ZFeed = ZPage(ZNotification)

const feed = async (ws: Workspace, who: Member, query = '') =>
  (await call(ws, who, `/notifications${query}`, undefined, ZFeed)).body.data
const unread = async (ws: Workspace, who: Member) =>
  (await call(ws, who, '/notifications/unread-count', undefined, ZUnreadCount)).body
const markRead = (ws: Workspace, who: Member, body: unknown) =>
  call(ws, who, '/notifications/read', send('POST', body), ZMarked)
/** The kinds of the member's notifications about a record (newest first). */
const about = async (ws: Workspace, who: Member, id: string) =>
  (await feed(ws, who))
    .filter((n) => n.dealId === id || n.contactId === id || n.taskId === id)
    .map((n) => n.kind)

const dealOf = async (ws: Workspace, who: Member, name = 'Renewal') => {
  const deal = (await call(ws, who, '/deals', send('POST', { name }), ZDeal)).body
  expect(deal.assignedUserId).toBe(who.id)
  return present(deal.id, 'a deal')
}
const contactOf = async (ws: Workspace, who: Member, firstName = 'Ada') =>
  present((await call(ws, who, '/contacts', send('POST', { firstName }), ZRefusal)).body.id as string)
const reassign = (ws: Workspace, who: Member, dealId: string, to: Member) =>
  call(ws, who, `/deals/${dealId}`, send('PATCH', { assignedUserId: to.id }), ZDeal)
const move = (ws: Workspace, who: Member, dealId: string, stageName: string) =>
  call(ws, who, `/deals/${dealId}/stage`, send('POST', { stageId: stage(ws, stageName).id }), ZDeal)

it('a reassigned deal notifies its new owner only; the feed forgets it once the deal moves on', async ({
  ws,
}) => {
  const [rep, rep2] = [await ws.member('rep'), await ws.member('rep')]
  const dealId = await dealOf(ws, rep, 'Handover')
  expect((await reassign(ws, ws.manager, dealId, rep2)).status).toBe(200)
  const [n] = await feed(ws, rep2)
  expect(n).toMatchObject({
    kind: 'deal.assigned',
    actorUserId: ws.manager.id,
    dealId,
    dealName: 'Handover',
    contactId: null,
    taskId: null,
    read: false,
  })
  for (const who of [ws.manager, ws.admin, rep]) expect(await about(ws, who, dealId)).toEqual([])
  expect((await unread(ws, rep2)).count).toBe(1)

  // Handed back: rep2 can no longer see the deal, so their notification is gone from feed and count.
  expect((await reassign(ws, ws.admin, dealId, rep)).status).toBe(200)
  expect(await about(ws, rep2, dealId)).toEqual([])
  expect(await unread(ws, rep2)).toEqual({ count: 0, more: false })
  expect(await about(ws, rep, dealId)).toEqual(['deal.assigned'])

  // The bulk path reassigns through the same service.
  const bulk = await call(
    ws,
    ws.manager,
    '/deals/bulk',
    send('POST', { action: 'reassign', assignedUserId: rep2.id, ids: [dealId] }),
    ZRefusal,
  )
  expect(bulk.status).toBe(200)
  expect(await about(ws, rep2, dealId)).toEqual(['deal.assigned', 'deal.assigned'])
})

it('a deal moved by someone else tells its owner (stage, won, lost); their own moves tell nobody', async ({
  ws,
}) => {
  const [rep, colleague] = [await ws.member('rep'), await ws.member('rep')]
  const dealId = await dealOf(ws, rep)
  expect((await move(ws, rep, dealId, 'Qualified')).status).toBe(200)
  expect(await about(ws, rep, dealId)).toEqual([])
  expect((await move(ws, ws.manager, dealId, 'Proposal')).status).toBe(200)
  expect((await move(ws, ws.manager, dealId, 'Won')).status).toBe(200)
  const lostOne = await dealOf(ws, rep, 'Gone')
  expect((await move(ws, ws.admin, lostOne, 'Lost')).status).toBe(200)
  expect(await about(ws, rep, dealId)).toEqual(['deal.won', 'deal.stage_changed'])
  expect(await about(ws, rep, lostOne)).toEqual(['deal.lost'])
  for (const who of [ws.manager, ws.admin, colleague]) {
    expect(await about(ws, who, dealId)).toEqual([])
    expect(await about(ws, who, lostOne)).toEqual([])
  }
})

it('an activity tells the owners of its contact and deal once each, naming only what each may see', async ({
  ws,
}) => {
  const [rep, rep2] = [await ws.member('rep'), await ws.member('rep')]
  const contactId = await contactOf(ws, rep, 'Grace')
  const dealId = await dealOf(ws, rep2, 'Rep2 deal')
  const log = (who: Member, body: Record<string, unknown>) =>
    call(
      ws,
      who,
      `/contacts/${contactId}/activities`,
      send('POST', { type: 'note', description: 'Spoke', ...body }),
      ZRefusal,
    )
  expect((await log(ws.manager, { dealId })).status).toBe(201)
  const [forRep] = (await feed(ws, rep)).filter((n) => n.kind === 'activity.logged')
  expect(forRep).toMatchObject({ contactId, contactName: 'Grace', dealId: null, dealName: null })
  const [forRep2] = (await feed(ws, rep2)).filter((n) => n.kind === 'activity.logged')
  expect(forRep2).toMatchObject({ dealId, dealName: 'Rep2 deal', contactId: null, contactName: null })
  for (const who of [ws.manager, ws.admin, ws.rep]) expect(await about(ws, who, contactId)).toEqual([])

  // Contact and deal of one owner: one notification; the owner logging it: none.
  const ownDeal = await dealOf(ws, rep, 'Own deal')
  expect((await log(ws.admin, { dealId: ownDeal })).status).toBe(201)
  expect(await about(ws, rep, ownDeal)).toEqual(['activity.logged'])
  expect((await log(rep, { dealId: ownDeal })).status).toBe(201)
  expect(await about(ws, rep, ownDeal)).toEqual(['activity.logged'])
})

it('a task planned for or handed to someone else tells them; planning for oneself tells nobody', async ({
  ws,
}) => {
  const rep = await ws.member('rep')
  const dealId = await dealOf(ws, rep, 'Task deal')
  const plan = (who: Member, body: Record<string, unknown>) =>
    call(
      ws,
      who,
      '/tasks',
      send('POST', { type: 'call', subject: 'Call back', dueAt: '2030-01-01T09:00:00Z', dealId, ...body }),
      ZTask,
    )
  const own = await plan(rep, { subject: 'My own step' })
  expect(await about(ws, rep, own.body.id)).toEqual([])
  const handed = await plan(ws.manager, { subject: 'Send the quote', assigneeUserId: rep.id })
  const [n] = (await feed(ws, rep)).filter((x) => x.taskId === handed.body.id)
  expect(n).toMatchObject({
    kind: 'task.assigned',
    actorUserId: ws.manager.id,
    taskSubject: 'Send the quote',
    dealId,
    dealName: 'Task deal',
  })
  const mine = (await plan(ws.manager, { subject: 'Manager’s own' })).body.id
  expect(await about(ws, rep, mine)).toEqual([])
  const passed = await call(
    ws,
    ws.manager,
    `/tasks/${mine}`,
    send('PATCH', { assigneeUserId: rep.id }),
    ZTask,
  )
  expect(passed.status).toBe(200)
  expect(await about(ws, rep, mine)).toEqual(['task.assigned'])
  expect(await about(ws, ws.manager, mine)).toEqual([])
})

it('a preference with inApp off stops that kind only; unknown keys and repeated kinds are refused', async ({
  ws,
}) => {
  const rep = await ws.member('rep')
  const prefs = await call(ws, rep, '/me/notification-preferences', undefined, ZPreferences)
  expect(prefs.body.data.find((p) => p.kind === 'deal.assigned')).toEqual({
    kind: 'deal.assigned',
    inApp: true,
    email: true,
    digest: false,
  })
  expect(prefs.body.data.find((p) => p.kind === 'deal.stage_changed')).toMatchObject({
    inApp: true,
    email: false,
  })
  const put = (body: unknown) =>
    call(ws, rep, '/me/notification-preferences', send('PUT', body), ZPreferences)
  const off = await put({
    preferences: [{ kind: 'deal.stage_changed', inApp: false, email: false, digest: true }],
  })
  expect(off.status).toBe(200)
  expect(off.body.data.find((p) => p.kind === 'deal.stage_changed')).toEqual({
    kind: 'deal.stage_changed',
    inApp: false,
    email: false,
    digest: true,
  })
  // A change names only the channels it changes: the others keep what they were (stored or default).
  const inAppOnly = await put({ preferences: [{ kind: 'deal.assigned', inApp: false }] })
  expect(inAppOnly.body.data.find((p) => p.kind === 'deal.assigned')).toEqual({
    kind: 'deal.assigned',
    inApp: false,
    email: true,
    digest: false,
  })
  await put({ preferences: [{ kind: 'deal.assigned', inApp: true }] })
  const dealId = await dealOf(ws, rep)
  await move(ws, ws.manager, dealId, 'Qualified')
  await move(ws, ws.manager, dealId, 'Won')
  expect(await about(ws, rep, dealId)).toEqual(['deal.won'])

  const unknown = await put({
    preferences: [{ kind: 'deal.won', inApp: true, email: true, digest: false, sms: true }],
  })
  expect([unknown.status, fields(unknown.body)]).toEqual([400, ['preferences.0.sms']])
  const extra = await put({ preferences: [], colour: 'red' })
  expect([extra.status, fields(extra.body)]).toEqual([400, ['colour']])
  const twice = await put({
    preferences: [
      { kind: 'deal.won', inApp: true, email: true, digest: false },
      { kind: 'deal.won', inApp: false, email: true, digest: false },
    ],
  })
  expect([twice.status, fields(twice.body)]).toEqual([400, ['preferences']])
  const badKind = await put({
    preferences: [{ kind: 'deal.exploded', inApp: true, email: true, digest: false }],
  })
  expect(badKind.status).toBe(400)
  // Another member's preferences are their own.
  const theirs = await call(ws, ws.manager, '/me/notification-preferences', undefined, ZPreferences)
  expect(theirs.body.data.find((p) => p.kind === 'deal.stage_changed')?.inApp).toBe(true)
})

it('marks read by id (the caller’s only) or all; the unread count and filter follow', async ({
  ws,
  other,
}) => {
  const [rep, rep2] = [await ws.member('rep'), await ws.member('rep')]
  for (const name of ['One', 'Two', 'Three']) {
    await reassign(ws, ws.manager, await dealOf(ws, ws.manager, name), rep)
  }
  await reassign(ws, ws.manager, await dealOf(ws, ws.manager, 'Theirs'), rep2)
  expect(await unread(ws, rep)).toEqual({ count: 3, more: false })
  const [newest, ...older] = await feed(ws, rep)
  expect(newest?.dealName).toBe('Three')
  const [theirs] = await feed(ws, rep2)

  const some = await markRead(ws, rep, { ids: [present(newest).id, present(theirs).id] })
  expect(some.body).toEqual({ marked: 1 })
  expect((await unread(ws, rep)).count).toBe(2)
  expect((await unread(ws, rep2)).count).toBe(1)
  expect((await feed(ws, rep, '?unread=true')).map((n) => n.id)).toEqual(older.map((n) => n.id))
  expect((await markRead(ws, rep, { ids: [present(newest).id] })).body).toEqual({ marked: 0 })
  // Another workspace's member marks nothing here, and sees nothing of it.
  expect((await markRead(other, other.admin, { ids: [present(theirs).id] })).body).toEqual({ marked: 0 })
  expect(await feed(other, other.admin)).toEqual([])
  expect((await unread(ws, rep2)).count).toBe(1)

  expect((await markRead(ws, rep, { all: true })).body).toEqual({ marked: 2 })
  expect(await unread(ws, rep)).toEqual({ count: 0, more: false })
  expect((await feed(ws, rep)).every((n) => n.read)).toBe(true)
  expect(await feed(ws, rep, '?unread=true')).toEqual([])

  for (const body of [{}, { all: true, ids: [present(newest).id] }, { all: false }, { ids: ['nope'] }]) {
    expect((await markRead(ws, rep, body)).status, JSON.stringify(body)).toBe(400)
  }
})

it('pages the feed newest first', async ({ ws }) => {
  const rep = await ws.member('rep')
  const names = ['A', 'B', 'C', 'D', 'E']
  for (const name of names) await reassign(ws, ws.manager, await dealOf(ws, ws.manager, name), rep)
  const seen: string[] = []
  let cursor: string | null = ''
  while (cursor !== null) {
    const page: { data: { dealName: string | null }[]; nextCursor: string | null } = (
      await call(ws, rep, `/notifications?limit=2${cursor ? `&cursor=${cursor}` : ''}`, undefined, ZFeed)
    ).body
    seen.push(...page.data.map((n) => n.dealName ?? ''))
    cursor = page.nextCursor
  }
  expect(seen).toEqual([...names].reverse())
})

it('a new member joining tells the workspace’s active admins, nobody else', async ({ api, ws, other }) => {
  const email = `joiner-${Date.now()}@example.test`
  const res = await ws.as(ws.admin, '/invitations', jsonBody({ email, role: 'rep' }))
  expect(res.status).toBe(201)
  const token = present(linkIn((await lastEmailTo(api.db, email))?.text).searchParams.get('token'))
  const accepted = await api.request(
    ws.slug,
    '/invitations/accept',
    jsonBody({ token, name: 'New Person', password: 'a brand new passphrase' }),
  )
  expect(accepted.status).toBe(201)
  const joined = (n: { kind: string }) => n.kind === 'invitation.accepted'
  expect((await feed(ws, ws.admin)).filter(joined)).toHaveLength(1)
  expect((await feed(ws, ws.admin)).find(joined)).toMatchObject({
    dealId: null,
    contactId: null,
    taskId: null,
  })
  for (const who of [ws.manager, ws.rep]) expect((await feed(ws, who)).filter(joined)).toEqual([])
  expect((await feed(other, other.admin)).filter(joined)).toEqual([])
})

it('a deactivated member is told nothing more', async ({ api, ws }) => {
  const rep = await ws.member('rep')
  const contactId = await contactOf(ws, rep, 'Left behind')
  await elevate(api, ws.admin)
  expect((await ws.as(ws.admin, `/users/${rep.id}/deactivate`, { method: 'POST' })).status).toBe(200)
  const log = await call(
    ws,
    ws.manager,
    `/contacts/${contactId}/activities`,
    send('POST', { type: 'note', description: 'Called the office' }),
    ZRefusal,
  )
  expect(log.status).toBe(201)
  const told = await api.db
    .select({ id: schema.notifications.id })
    .from(schema.notifications)
    .where(eq(schema.notifications.recipientUserId, rep.id))
  expect(told).toEqual([])
})
