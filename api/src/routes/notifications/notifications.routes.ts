// In-app notifications (F15, issue 14, ADR 0169): the caller's feed, its unread count, marking read, and the
// caller's preferences. Everything here is the caller's own: another member's notification is never found.
import { createRoute, z } from '@hono/zod-openapi'
import { jsonBody, jsonResponse, memberRefusals, problemResponse } from '../../lib/openapi.ts'
import { ZPage } from '../../lib/pagination.ts'
import * as inputs from '../../services/notifications/notifications.inputs.ts'

const tags = ['Notifications']

export const ZNotification = z
  .object({
    id: z.uuid(),
    kind: inputs.ZNotificationKind,
    /** Who did it; null for the system. */
    actorUserId: z.uuid().nullable(),
    dealId: z.uuid().nullable(),
    dealName: z.string().nullable(),
    contactId: z.uuid().nullable(),
    contactName: z.string().nullable(),
    taskId: z.uuid().nullable(),
    taskSubject: z.string().nullable(),
    processId: z.uuid().nullable(),
    processName: z.string().nullable(),
    read: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('Notification')

export const ZUnreadCount = z
  .object({
    count: z.number().int().openapi({ description: 'Unread notifications, counted up to 99' }),
    more: z.boolean().openapi({ description: 'There are more than `count` (show "99+")' }),
  })
  .openapi('UnreadCount')

export const ZMarked = z.object({ marked: z.number().int() }).openapi('MarkedRead')

export const ZPreferences = z
  .object({ data: z.array(inputs.ZNotificationPreference.openapi('NotificationPreference')) })
  .openapi('NotificationPreferences')

export const listNotifications = createRoute({
  method: 'get',
  path: '/notifications',
  tags,
  summary: 'The caller’s notifications, newest first (those about records they can no longer see left out)',
  request: { query: inputs.ZNotificationListQuery },
  responses: {
    200: jsonResponse('A page', ZPage(ZNotification).openapi('NotificationPage')),
    400: problemResponse('Invalid query'),
    ...memberRefusals,
  },
})

export const countUnread = createRoute({
  method: 'get',
  path: '/notifications/unread-count',
  tags,
  summary: 'How many of the caller’s notifications are unread (up to 99, then `more`)',
  responses: { 200: jsonResponse('The count', ZUnreadCount), ...memberRefusals },
})

export const markRead = createRoute({
  method: 'post',
  path: '/notifications/read',
  tags,
  summary: 'Mark some (`ids`) or all (`all: true`) of the caller’s notifications read',
  description:
    'Ids that are not the caller’s (another member’s, another workspace’s, unknown) are left alone without a refusal: `marked` counts only the caller’s notifications that were unread. Marking again changes nothing.',
  request: { body: jsonBody(inputs.ZMarkRead.openapi('MarkRead')) },
  responses: {
    200: jsonResponse('How many were marked', ZMarked),
    400: problemResponse('Neither ids nor all, or both'),
    ...memberRefusals,
  },
})

export const getPreferences = createRoute({
  method: 'get',
  path: '/me/notification-preferences',
  tags,
  summary: 'The caller’s choice per kind: in the app, by e-mail, in a digest (defaults where never set)',
  responses: { 200: jsonResponse('Every kind', ZPreferences), ...memberRefusals },
})

export const setPreferences = createRoute({
  method: 'put',
  path: '/me/notification-preferences',
  tags,
  summary: 'Set the caller’s choice for the kinds given; the others keep theirs',
  description:
    'Only the in-app choice is acted on for now; e-mail and digest delivery are not built yet (ADR 0169).',
  request: { body: jsonBody(inputs.ZNotificationPreferences.openapi('SetNotificationPreferences')) },
  responses: {
    200: jsonResponse('Every kind', ZPreferences),
    400: problemResponse('Invalid fields, an unknown kind, or a kind named twice'),
    ...memberRefusals,
  },
})
