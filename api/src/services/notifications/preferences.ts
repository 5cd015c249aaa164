// A member's notification preferences (F15.1, ADR 0169): per kind, in the app, by e-mail, in a digest. A kind
// without a stored row follows the defaults here, so a changed default reaches everyone who kept it. Only the
// in-app and e-mail choices are acted on when a notification is written (notify.ts), the digest by the
// scheduled job (send-digests.ts, ADR 0171).
import { schema, type Tx } from '@aura/db'
import { and, eq, sql } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import type { TNotificationPreferences } from './notifications.inputs.ts'

export type NotificationKind = (typeof schema.NOTIFICATION_KINDS)[number]

/** In the app: every kind. */
export const IN_APP_DEFAULT: Readonly<Record<NotificationKind, boolean>> = Object.fromEntries(
  schema.NOTIFICATION_KINDS.map((k) => [k, true]),
) as Record<NotificationKind, boolean>
/** By e-mail: what was handed to the member (a deal, a task); not due reminders (My day lists them). */
const EMAIL_DEFAULT = new Set<NotificationKind>(['deal.assigned', 'task.assigned'])

export interface Preference {
  kind: NotificationKind
  inApp: boolean
  email: boolean
  digest: boolean
}

export const defaultPreference = (kind: NotificationKind): Preference => ({
  kind,
  inApp: IN_APP_DEFAULT[kind],
  email: EMAIL_DEFAULT.has(kind),
  digest: false,
})

const p = schema.notificationPreferences

/** The caller's choice for every kind, stored or default, in the kinds' order. */
export async function getPreferences(tx: Tx, actor: Actor): Promise<Preference[]> {
  const stored = await tx
    .select({ kind: p.kind, inApp: p.inApp, email: p.email, digest: p.digest })
    .from(p)
    .where(and(eq(p.tenantId, actor.tenantId), eq(p.userId, actor.userId)))
  const byKind = new Map(stored.map((r) => [r.kind, r]))
  return schema.NOTIFICATION_KINDS.map((kind) => byKind.get(kind) ?? defaultPreference(kind))
}

/**
 * Sets the caller's choice for the kinds and channels given (the others keep theirs: stored, or the
 * defaults) and answers them all.
 */
export async function setPreferences(tx: Tx, actor: Actor, input: TNotificationPreferences) {
  if (input.preferences.length) {
    const current = new Map((await getPreferences(tx, actor)).map((pref) => [pref.kind, pref]))
    const rows = input.preferences.map((change) => {
      const was = current.get(change.kind) ?? defaultPreference(change.kind)
      return {
        tenantId: actor.tenantId,
        userId: actor.userId,
        kind: change.kind,
        inApp: change.inApp ?? was.inApp,
        email: change.email ?? was.email,
        digest: change.digest ?? was.digest,
      }
    })
    await tx
      .insert(p)
      .values(rows)
      .onConflictDoUpdate({
        target: [p.tenantId, p.userId, p.kind],
        set: { inApp: sql`excluded.in_app`, email: sql`excluded.email`, digest: sql`excluded.digest` },
      })
  }
  return getPreferences(tx, actor)
}
