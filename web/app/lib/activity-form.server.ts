// "Log activity" (ADR 0150): the API's activity input, with "when" typed as the workspace's wall clock in a
// `datetime-local` field (empty: now) and sent as an instant.
import { z } from 'zod'
import { ZActivityInput } from './inputs.server.ts'
import { localToIso } from './zoned-time.ts'

export function logActivityForm(timezone: string) {
  return z.object({
    ...ZActivityInput.pick({ type: true, subject: true, description: true, dealId: true }).shape,
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
