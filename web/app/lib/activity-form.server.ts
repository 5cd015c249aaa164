// "Log activity" (ADR 0150): the API's activity input, with "when" typed as the reader's wall clock in a
// `datetime-local` field (empty: now) and sent as an instant. On a deal page the form also names the
// contact the activity is logged on (the API files every activity under a contact, F10.1).
import { z } from 'zod'
import { ZActivityInput } from './inputs.server.ts'
import { localToIso } from './zoned-time.ts'

const ZContactChoice = z.string({ error: 'Choose a contact' }).min(1, 'Choose a contact')

export function logActivityForm(timezone: string, { withContact = false } = {}) {
  return z.object({
    ...ZActivityInput.pick({ type: true, subject: true, description: true, dealId: true }).shape,
    contactId: withContact ? ZContactChoice : ZContactChoice.optional(),
    occurredAt: z
      .string()
      .optional()
      .transform((local, ctx) => {
        if (local === undefined) return undefined
        const instant = localToIso(local, timezone)
        if (instant === null) ctx.addIssue({ code: 'custom', message: 'Pick a date and time' })
        return instant ?? undefined
      }),
  })
}

export type LogActivityValues = z.input<ReturnType<typeof logActivityForm>>
