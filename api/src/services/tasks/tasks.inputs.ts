// What a task (a planned activity, ADR 0168) takes: a type, a subject, a due time, an assignee (the caller
// when absent) and the deal and/or contact it moves forward.
import { schema } from '@aura/db'
import { z } from '@hono/zod-openapi'
import { ZDateTime } from '../../lib/dates.ts'
import { ZListQuery } from '../../lib/pagination.ts'
import { line } from '../../lib/text.ts'

export const ZTaskType = z.enum(schema.activityType.enumValues)
const ZId = z.uuid('Not a valid id')
const ZSubject = line(200).min(1, 'Say what is to be done')
const ZNotes = z.string().trim().max(10_000).nullable()

/** A task's fields as one plain object: what a form picks from (the web's "Plan a next step"). */
export const ZTaskFields = z.object({
  type: ZTaskType,
  subject: ZSubject,
  notes: ZNotes.optional(),
  dueAt: ZDateTime,
  /** Who does it; the caller when absent. A rep plans for themself only. */
  assigneeUserId: ZId.optional(),
  dealId: ZId.nullable().optional(),
  contactId: ZId.nullable().optional(),
})

export const ZCreateTask = ZTaskFields.strict().refine((t) => t.dealId || t.contactId, {
  message: 'Link the task to a deal or a contact',
  path: ['dealId'],
})
export type TCreateTask = z.infer<typeof ZCreateTask>

/** Reschedule, reassign or reword an open task; the records it is linked to stay. */
export const ZUpdateTask = z
  .object({
    type: ZTaskType.optional(),
    subject: ZSubject.optional(),
    notes: ZNotes.optional(),
    dueAt: ZDateTime.optional(),
    assigneeUserId: ZId.optional(),
  })
  .strict()
  .refine((t) => Object.values(t).some((v) => v !== undefined), {
    message: 'Give a field to change',
    path: ['dueAt'],
  })
export type TUpdateTask = z.infer<typeof ZUpdateTask>

/**
 * A page of tasks: someone's (`assignee`, `me` for the caller), a deal's or a contact's, at least one of
 * them, so every list reads an index of its own. Open ones soonest due first (overdue on top); done ones
 * (of a deal or contact) latest due first.
 */
export const ZTaskListQuery = ZListQuery.extend({
  assignee: z
    .union([z.literal('me'), ZId])
    .optional()
    .openapi({ example: 'me' }),
  dealId: ZId.optional(),
  contactId: ZId.optional(),
  status: z.enum(['open', 'done']).default('open'),
})
  .refine((q) => q.assignee || q.dealId || q.contactId, {
    message: 'Give assignee, dealId or contactId',
    path: ['assignee'],
  })
  .refine((q) => q.status === 'open' || q.dealId || q.contactId, {
    message: 'Done tasks are listed per deal or contact',
    path: ['status'],
  })
export type TTaskListQuery = z.infer<typeof ZTaskListQuery>
