// A Conform reply said in one place, for the small forms that show no messages of their own (a member's
// role select, a stage row's buttons): their reply is announced at the top of the page. No zod here: this
// ships to the browser on hydrated pages.
import type { SubmissionResult } from '@conform-to/react'

/** The reply's form messages, then each field's, named by its field (once each). */
export function replyMessages(reply: SubmissionResult<string[]> | undefined): string[] | undefined {
  if (!reply?.error) return undefined
  const { '': form = [], ...fields } = reply.error
  const named = Object.entries(fields).flatMap(([field, messages]) =>
    (messages ?? []).map((message) => `${message} (${field})`),
  )
  return [...new Set([...(form ?? []), ...named])]
}
