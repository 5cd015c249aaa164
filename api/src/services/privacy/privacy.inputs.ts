// What the GDPR operations take (issue 15, ADR 0173): a typed confirmation, so a slip of the finger on a list
// never erases a person or deletes a workspace.
import { z } from '@hono/zod-openapi'

/** Erasure of one contact: their full name typed again. */
export const ZEraseContact = z.object({
  confirm: z.string().trim().min(1, "Type the contact's full name to confirm").max(400),
})
export type TEraseContact = z.infer<typeof ZEraseContact>

/** Deletion of the whole workspace: its address (slug) typed again. */
export const ZDeleteWorkspace = z.object({
  confirm: z.string().trim().min(1, 'Type the workspace address to confirm').max(63),
})
export type TDeleteWorkspace = z.infer<typeof ZDeleteWorkspace>
