// What the notification endpoints take (ADR 0169): the feed's query, what to mark read, and preferences.
import { schema } from '@aura/db'
import { z } from '@hono/zod-openapi'
import { ZListQuery } from '../../lib/pagination.ts'

export const ZNotificationKind = z.enum(schema.NOTIFICATION_KINDS)

/** The caller's feed, newest first; `unread=true` for the unread ones only. */
export const ZNotificationListQuery = ZListQuery.extend({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .openapi({ example: 'true' }),
})
export type TNotificationListQuery = z.infer<typeof ZNotificationListQuery>

/** Marks some of the caller's notifications read (`ids`, at most 100), or all of them (`all: true`). */
export const ZMarkRead = z
  .object({
    ids: z.array(z.uuid('Not a valid id')).min(1).max(100).optional(),
    all: z.literal(true).optional(),
  })
  .strict()
  .refine((b) => (b.ids === undefined) !== (b.all === undefined), {
    message: 'Give ids or all: true (one of them)',
    path: ['ids'],
  })
export type TMarkRead = z.infer<typeof ZMarkRead>

/** A member's choice for one kind: in the app, by e-mail, in a digest. */
export const ZNotificationPreference = z
  .object({ kind: ZNotificationKind, inApp: z.boolean(), email: z.boolean(), digest: z.boolean() })
  .strict()

/** A change of that choice: the channels named; the others keep what they were. */
const ZPreferenceChange = ZNotificationPreference.partial({ inApp: true, email: true, digest: true })

/** The caller's choice for some kinds (each at most once); the kinds and channels not named keep theirs. */
export const ZNotificationPreferences = z
  .object({ preferences: z.array(ZPreferenceChange).max(schema.NOTIFICATION_KINDS.length) })
  .strict()
  .refine((b) => new Set(b.preferences.map((p) => p.kind)).size === b.preferences.length, {
    message: 'Name each kind once',
    path: ['preferences'],
  })
export type TNotificationPreferences = z.infer<typeof ZNotificationPreferences>
