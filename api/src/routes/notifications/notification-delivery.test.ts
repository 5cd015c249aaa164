// Delivery beyond the Inbox (F15, ADR 0171): the e-mail channel queues exactly one e-mail to exactly the
// recipient who chose it; the daily digest goes once per member per local day however often (or however
// concurrently) the job runs, listing only their own notifications they may still see; a due reminder fires
// once per due time, never for a completed or deleted task, and again after a reschedule; a process change
// reaches the members selling in it, never the actor.
import { schema } from '@aura/db'
import { and, eq } from 'drizzle-orm'
import { expect } from 'vitest'
import { stage } from '../../../test/deal-fixtures.ts'
import {
  call,
  it,
  type Member,
  present,
  send,
  type TestApi,
  type Workspace,
  ZRefusal,
} from '../../../test/fixtures.ts'
import { ZPage } from '../../lib/pagination.ts'
import { workspaceOrigins } from '../../services/notifications/delivery-members.ts'
import { defaultPreference } from '../../services/notifications/preferences.ts'
import { remindDueTasks } from '../../services/notifications/remind-due-tasks.ts'
import { localClock, sendDigests } from '../../services/notifications/send-digests.ts'
import { ZDeal } from '../deals/deals.schemas.ts'
import { ZTask } from '../tasks/tasks.routes.ts'
import { ZNotification, ZPreferences } from './notifications.routes.ts'

const ZFeed = ZPage(ZNotification)
const feed = async (ws: Workspace, who: Member) =>
  (await call(ws, who, '/notifications', undefined, ZFeed)).body.data
const choose = (ws: Workspace, who: Member, preferences: object[]) =>
  call(ws, who, '/me/notification-preferences', send('PUT', { preferences }), ZPreferences)
const dealOf = async (ws: Workspace, who: Member, name: string) =>
  present((await call(ws, who, '/deals', send('POST', { name }), ZDeal)).body.id, 'a deal')
const reassign = (ws: Workspace, who: Member, dealId: string, to: Member) =>
  call(ws, who, `/deals/${dealId}`, send('PATCH', { assignedUserId: to.id }), ZDeal)
/** The e-mails queued to a member, oldest first. */
const mailTo = async (api: TestApi, who: Member, template: string) =>
  (
    await api.db
      .select({ subject: schema.emailOutbox.subject, text: schema.emailOutbox.text })
      .from(schema.emailOutbox)
      .where(and(eq(schema.emailOutbox.toAddress, who.email), eq(schema.emailOutbox.template, template)))
      .orderBy(schema.emailOutbox.createdAt)
  ).map((m) => m.text)
const originOf = workspaceOrigins('aura.test')
const minutes = (n: number) => new Date(Date.now() + n * 60_000)

it('a notification whose kind the recipient wants by e-mail queues one e-mail, to them only', async ({
  api,
  ws,
}) => {
  const [rep, rep2] = [await ws.member('rep'), await ws.member('rep')]
  const dealId = await dealOf(ws, ws.manager, 'Northwind renewal')
  expect((await reassign(ws, ws.manager, dealId, rep)).status).toBe(200)
  // deal.assigned is by e-mail by default: one e-mail, to the new owner, naming the deal, linking to it.
  const [mail, ...more] = await mailTo(api, rep, 'notification')
  expect(more).toEqual([])
  expect(mail).toContain('made you the owner of “Northwind renewal”')
  expect(mail).toContain(`http://${ws.slug}.aura.test/deals/${dealId}`)
  for (const who of [ws.manager, ws.admin, rep2]) expect(await mailTo(api, who, 'notification')).toEqual([])

  // E-mail off: the Inbox still has it, the outbox has nothing more. In-app off, e-mail on: the e-mail only.
  expect((await choose(ws, rep2, [{ kind: 'deal.assigned', email: false }])).status).toBe(200)
  await reassign(ws, ws.manager, await dealOf(ws, ws.manager, 'Quiet one'), rep2)
  expect(await mailTo(api, rep2, 'notification')).toEqual([])
  expect((await feed(ws, rep2)).map((n) => n.dealName)).toEqual(['Quiet one'])
  await choose(ws, rep2, [{ kind: 'deal.assigned', email: true, inApp: false }])
  await reassign(ws, ws.manager, await dealOf(ws, ws.manager, 'Mail only'), rep2)
  expect(await mailTo(api, rep2, 'notification')).toHaveLength(1)
  expect((await feed(ws, rep2)).map((n) => n.dealName)).toEqual(['Quiet one'])
  // A kind e-mailed only on request (a stage change) stays out of the outbox by default.
  await call(
    ws,
    ws.manager,
    `/deals/${dealId}/stage`,
    send('POST', { stageId: stage(ws, 'Qualified').id }),
    ZDeal,
  )
  expect(await mailTo(api, rep, 'notification')).toHaveLength(1)
  expect((await feed(ws, rep)).map((n) => n.kind)).toEqual(['deal.stage_changed', 'deal.assigned'])
})

it('no kind has the digest on by default: the digest job looks only at stored choices', () => {
  for (const kind of schema.NOTIFICATION_KINDS) expect(defaultPreference(kind).digest, kind).toBe(false)
  expect(defaultPreference('task.due')).toEqual({
    kind: 'task.due',
    inApp: true,
    email: false,
    digest: false,
  })
})

/** A time zone whose local hour now is within [from, to] (Etc/GMT±N cover every offset). */
function zoneAt(from: number, to: number) {
  for (let n = -12; n <= 12; n++) {
    const zone = n === 0 ? 'UTC' : `Etc/GMT${n > 0 ? '+' : ''}${n}`
    const { hour } = localClock(minutes(1), zone)
    if (hour >= from && hour <= to) return zone
  }
  throw new Error('no zone')
}
const setZone = (api: TestApi, who: Member, zone: string) =>
  api.db.update(schema.users).set({ timezone: zone }).where(eq(schema.users.id, who.id))

it('the digest goes once a day, even run twice at once, listing only what the member may still see', async ({
  api,
  ws,
  other,
}) => {
  const [rep, rep2, early] = [await ws.member('rep'), await ws.member('rep'), await ws.member('rep')]
  for (const who of [rep, rep2, early]) {
    expect((await choose(ws, who, [{ kind: 'deal.assigned', email: false, digest: true }])).status).toBe(200)
  }
  await setZone(api, rep, zoneAt(8, 22))
  await setZone(api, rep2, zoneAt(8, 22))
  await setZone(api, early, zoneAt(0, 5))
  const keep = await dealOf(ws, ws.manager, 'Keep this')
  const gone = await dealOf(ws, ws.manager, 'Handed on')
  const read = await dealOf(ws, ws.manager, 'Already read')
  for (const d of [keep, gone, read]) await reassign(ws, ws.manager, d, rep)
  await reassign(ws, ws.manager, await dealOf(ws, ws.manager, 'For rep2'), rep2)
  await reassign(ws, ws.manager, await dealOf(ws, ws.manager, 'Too early'), early)
  await reassign(ws, ws.admin, gone, rep2) // rep no longer sees it
  const readOne = present((await feed(ws, rep)).find((n) => n.dealName === 'Already read'))
  await call(ws, rep, '/notifications/read', send('POST', { ids: [readOne.id] }), ZRefusal)
  // Another workspace's member with a digest has their own, and never these.
  const stranger = await other.member('rep')
  await choose(other, stranger, [{ kind: 'deal.assigned', digest: true }])
  await reassign(other, other.manager, await dealOf(other, other.manager, 'Elsewhere'), stranger)

  const now = minutes(1)
  const runs = await Promise.all([
    sendDigests(api.db, { now, originOf }),
    sendDigests(api.db, { now, originOf }),
  ])
  await sendDigests(api.db, { now: minutes(2), originOf })
  expect(runs.reduce((n, r) => n + r.failed, 0)).toBe(0)

  const [digest, ...again] = await mailTo(api, rep, 'notification-digest')
  expect(again).toEqual([])
  expect(digest).toContain('made you the owner of “Keep this”')
  expect(digest).not.toContain('Handed on')
  expect(digest).not.toContain('Already read')
  expect(digest).not.toContain('For rep2')
  expect(digest).toContain(`https://${ws.slug}.aura.test/notifications`)
  const [theirs] = await mailTo(api, rep2, 'notification-digest')
  expect(theirs).toContain('For rep2')
  expect(theirs).toContain('Handed on')
  expect(theirs).not.toContain('Keep this')
  // Before 07:00 on their clock, nothing yet.
  expect(await mailTo(api, early, 'notification-digest')).toEqual([])
  const [elsewhere] = await mailTo(api, stranger, 'notification-digest')
  expect(elsewhere).toContain('Elsewhere')
  expect(elsewhere).not.toContain('Keep this')

  // The next day: a new digest, with only what came since (nothing: no e-mail).
  await sendDigests(api.db, { now: new Date(now.getTime() + 24 * 60 * 60_000), originOf })
  expect(await mailTo(api, rep, 'notification-digest')).toHaveLength(1)
  const days = await api.db
    .select({ day: schema.notificationDigests.day, count: schema.notificationDigests.notificationCount })
    .from(schema.notificationDigests)
    .where(eq(schema.notificationDigests.userId, rep.id))
  expect(days.map((d) => d.count).sort()).toEqual([0, 1])
})

const planned = (ws: Workspace, who: Member, body: object) =>
  call(ws, who, '/tasks', send('POST', { type: 'call', ...body }), ZTask)
const dueFor = async (ws: Workspace, who: Member, subject: string) =>
  (await feed(ws, who)).filter((n) => n.kind === 'task.due' && n.taskSubject === subject)

it('a due task reminds its assignee once per due time; completed and deleted ones never', async ({
  api,
  ws,
}) => {
  const rep = await ws.member('rep')
  const dealId = await dealOf(ws, rep, 'Reminded deal')
  const task = async (subject: string, dueAt: Date) =>
    present((await planned(ws, rep, { subject, dueAt: dueAt.toISOString(), dealId })).body.id, 'a task')
  const due = await task('Call back', minutes(-5))
  const done = await task('Done already', minutes(-5))
  const deleted = await task('Dropped', minutes(-5))
  const later = await task('Tomorrow', minutes(24 * 60))
  const stale = await task('Long overdue', minutes(-3 * 24 * 60))
  expect((await call(ws, rep, `/tasks/${done}/complete`, send('POST'), ZTask)).status).toBe(200)
  expect((await ws.as(rep, `/tasks/${deleted}`, { method: 'DELETE' })).status).toBeLessThan(300)
  expect((await choose(ws, rep, [{ kind: 'task.due', email: true }])).status).toBe(200)

  await Promise.all([remindDueTasks(api.db, { originOf }), remindDueTasks(api.db, { originOf })])
  await remindDueTasks(api.db, { originOf })
  const [n, ...twice] = await dueFor(ws, rep, 'Call back')
  expect(twice).toEqual([])
  expect(n).toMatchObject({ actorUserId: null, taskId: due, dealId, dealName: 'Reminded deal' })
  for (const s of ['Done already', 'Dropped', 'Tomorrow', 'Long overdue'])
    expect(await dueFor(ws, rep, s)).toEqual([])
  const mails = await mailTo(api, rep, 'notification')
  expect(mails.filter((m) => m.includes('“Call back”'))).toHaveLength(1)
  expect(mails.find((m) => m.includes('“Call back”'))).toContain(`/deals/${dealId}`)
  // Nobody else hears of it.
  for (const who of [ws.manager, ws.admin]) expect(await dueFor(ws, who, 'Call back')).toEqual([])

  // Rescheduled to later: quiet until the new time comes, then once more.
  const moved = await call(
    ws,
    rep,
    `/tasks/${due}`,
    send('PATCH', { dueAt: minutes(60).toISOString() }),
    ZTask,
  )
  expect(moved.status).toBe(200)
  await remindDueTasks(api.db, { originOf })
  expect(await dueFor(ws, rep, 'Call back')).toHaveLength(1)
  await remindDueTasks(api.db, { originOf, now: minutes(61) })
  await remindDueTasks(api.db, { originOf, now: minutes(62) })
  expect(await dueFor(ws, rep, 'Call back')).toHaveLength(2)
  // The one due tomorrow, when tomorrow comes.
  await remindDueTasks(api.db, { originOf, now: minutes(24 * 60 + 1) })
  expect(await dueFor(ws, rep, 'Tomorrow')).toHaveLength(1)
  expect(later).toBeTruthy()
  expect(stale).toBeTruthy()
})

it('a process change tells the owners of its open deals, never the actor nor others', async ({ ws }) => {
  const [seller, idle] = [await ws.member('rep'), await ws.member('rep')]
  const processId = ws.defaults.defaultProcess.process.id
  await dealOf(ws, seller, 'Open in it')
  await dealOf(ws, ws.admin, 'Admin’s own')
  const managerDeal = await dealOf(ws, ws.manager, 'Manager’s own')
  const told = async (who: Member) => (await feed(ws, who)).filter((n) => n.kind === 'process.changed')

  const renamed = await call(
    ws,
    ws.admin,
    `/processes/${processId}`,
    send('PATCH', { name: 'New sales' }),
    ZRefusal,
  )
  expect(renamed.status).toBe(200)
  const [notice, ...more] = await told(seller)
  expect(more).toEqual([])
  expect(notice).toMatchObject({ actorUserId: ws.admin.id, processId, processName: 'New sales' })
  expect(await told(ws.manager)).toHaveLength(1)
  for (const who of [ws.admin, idle]) expect(await told(who)).toEqual([])

  // Adding a stage tells them again; the manager's deal closed since, so only the seller.
  await call(
    ws,
    ws.manager,
    `/deals/${managerDeal}/stage`,
    send('POST', { stageId: stage(ws, 'Won').id }),
    ZDeal,
  )
  const added = await call(
    ws,
    ws.admin,
    `/processes/${processId}/stages`,
    send('POST', { name: 'Demo', kind: 'open', winProbability: 40 }),
    ZRefusal,
  )
  expect(added.status).toBe(201)
  expect(await told(seller)).toHaveLength(2)
  expect(await told(ws.manager)).toHaveLength(1)
  expect(await told(ws.admin)).toEqual([])
})
