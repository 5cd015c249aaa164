// Writing notifications (F15.2, ADR 0169): the one function every service that makes a notable change calls,
// in its own transaction, so a notification exists exactly when the change committed. It decides who really
// receives one: never the actor themself, only active members of the workspace, only a recipient who sees
// every record the notification is about (a notification never reveals a record), and only if the recipient
// their preference allows: in the app (a row in the Inbox) and by e-mail (a row in the outbox, same
// transaction; ADR 0171), each read through notification_channels(): the policies keep preferences from
// everyone else. Rows are inserted without RETURNING: the writer may not read a message addressed to
// someone else.
import { type Role, schema, type Tx } from '@aura/db'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { ownedBy, ownersOf } from '../records/record-owners.ts'
import { emailNotifications } from './notify-email.ts'
import { defaultPreference, type NotificationKind } from './preferences.ts'

/** The records a notification names. */
export interface Links {
  dealId?: string | null
  contactId?: string | null
  taskId?: string | null
  /** A sales process (`process.changed`): every member sees processes, so it is never a reason to skip. */
  processId?: string | null
}

export interface Notice {
  kind: NotificationKind
  /** Who should hear of it (null or undefined: nobody, e.g. an unassigned deal). */
  recipientUserId: string | null | undefined
  /** What it is about: a recipient who cannot see each of these gets no notification. */
  about?: Links
  /** Named besides, where the recipient sees it (an activity's contact on the deal owner's notification). */
  also?: Links
}

/** Who made the change (an Actor will do); the user is null for the system (a due reminder). */
export interface Writer {
  tenantId: string
  userId: string | null
  /** The workspace's origin, for the link in an e-mail (absent: the e-mail has no link). */
  origin?: string | undefined
}

const d = schema.deals
const c = schema.contacts
const t = schema.tasks
const u = schema.users

type Ref = 'dealId' | 'contactId' | 'taskId'
const KEYS: Ref[] = ['dealId', 'contactId', 'taskId']

/** Writes the notifications of one change; notices for the same recipient and kind become one. */
export async function notify(tx: Tx, writer: Writer, notices: Notice[]): Promise<void> {
  const merged = new Map<string, Notice & { recipientUserId: string }>()
  for (const n of notices) {
    if (!n.recipientUserId || n.recipientUserId === writer.userId) continue
    const key = `${n.recipientUserId} ${n.kind}`
    const first = merged.get(key)
    if (!first) merged.set(key, { ...n, recipientUserId: n.recipientUserId })
    else first.also = { ...n.about, ...n.also, ...first.also }
  }
  if (merged.size === 0) return
  const wanted = [...merged.values()]
  const roles = await activeRoles(tx, writer.tenantId, [...new Set(wanted.map((n) => n.recipientUserId))])
  const sees = await visibility(tx, writer.tenantId, wanted)
  const rows: (typeof schema.notifications.$inferInsert)[] = []
  for (const n of wanted) {
    const role = roles.get(n.recipientUserId)
    if (!role) continue
    const can = (key: Ref, id: string | null | undefined) => !id || sees(n.recipientUserId, role, key, id)
    if (!KEYS.every((k) => can(k, n.about?.[k]))) continue
    const link = (k: Ref) => n.about?.[k] ?? (can(k, n.also?.[k]) ? n.also?.[k] : null) ?? null
    rows.push({
      tenantId: writer.tenantId,
      recipientUserId: n.recipientUserId,
      kind: n.kind,
      actorUserId: writer.userId,
      dealId: link('dealId'),
      contactId: link('contactId'),
      taskId: link('taskId'),
      processId: n.about?.processId ?? n.also?.processId ?? null,
    })
  }
  const { inApp, email } = await wantedChannels(tx, rows)
  if (inApp.length) await tx.insert(schema.notifications).values(inApp)
  if (email.length) await emailNotifications(tx, writer, email)
}

/** The roles of those recipients who are active members of the workspace. */
async function activeRoles(tx: Tx, tenantId: string, ids: string[]) {
  const members = await tx
    .select({ id: u.id, role: u.role })
    .from(u)
    .where(and(eq(u.tenantId, tenantId), inArray(u.id, ids), eq(u.status, 'active')))
  return new Map(members.map((m) => [m.id, m.role]))
}

/**
 * Whether a recipient sees a record, as the records' policies decide it (F9.3, F9.4, ADR 0168): leads see
 * every one; a rep a deal or contact assigned to or created by them, a task assigned to or created by them
 * or on a record they see. Read by the writer, who sees the records of the change it is making.
 */
async function visibility(tx: Tx, tenantId: string, notices: Notice[]) {
  const ids = (k: Ref) => [
    ...new Set(notices.flatMap((n) => [n.about?.[k], n.also?.[k]]).filter((id): id is string => !!id)),
  ]
  const taskIds = ids('taskId')
  const taskRows = taskIds.length
    ? await tx
        .select({
          id: t.id,
          assigned: t.assigneeUserId,
          createdBy: t.createdBy,
          dealId: t.dealId,
          contactId: t.contactId,
        })
        .from(t)
        .where(and(eq(t.tenantId, tenantId), inArray(t.id, taskIds)))
    : []
  const linked = (k: 'dealId' | 'contactId') => [
    ...new Set([...ids(k), ...taskRows.map((r) => r[k]).filter((id): id is string => !!id)]),
  ]
  const deals = await ownersOf(tx, tenantId, d, linked('dealId'))
  const contacts = await ownersOf(tx, tenantId, c, linked('contactId'))
  const tasks = new Map(taskRows.map((r) => [r.id, r]))
  return (userId: string, role: Role, key: Ref, id: string): boolean => {
    const known = key === 'dealId' ? deals.has(id) : key === 'contactId' ? contacts.has(id) : tasks.has(id)
    if (!known) return false
    if (role !== 'rep') return true
    if (key === 'dealId') return ownedBy(deals.get(id), userId)
    if (key === 'contactId') return ownedBy(contacts.get(id), userId)
    const task = tasks.get(id)
    return (
      ownedBy(task, userId) ||
      (!!task?.dealId && ownedBy(deals.get(task.dealId), userId)) ||
      (!!task?.contactId && ownedBy(contacts.get(task.contactId), userId))
    )
  }
}

/** The rows whose recipient wants the kind in the app, and those by e-mail: their stored choice, else the default. */
async function wantedChannels(tx: Tx, rows: (typeof schema.notifications.$inferInsert)[]) {
  const inApp: typeof rows = []
  const email: typeof rows = []
  for (const kind of new Set(rows.map((r) => r.kind))) {
    const ofKind = rows.filter((r) => r.kind === kind)
    const list = sql.join(
      ofKind.map((r) => sql`${r.recipientUserId}`),
      sql`, `,
    )
    const stored = (await tx.execute(sql`select user_id, in_app, email
      from notification_channels(${kind}, array[${list}]::uuid[])`)) as unknown as {
      rows: { user_id: string; in_app: boolean; email: boolean }[]
    }
    const choice = new Map(stored.rows.map((r) => [r.user_id, r]))
    const fallback = defaultPreference(kind)
    inApp.push(...ofKind.filter((r) => choice.get(r.recipientUserId)?.in_app ?? fallback.inApp))
    email.push(...ofKind.filter((r) => choice.get(r.recipientUserId)?.email ?? fallback.email))
  }
  return { inApp, email }
}
