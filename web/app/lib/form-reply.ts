// Reading a Conform reply in a component (no zod here: this ships to the browser on hydrated pages).
import type { SubmissionResult } from '@conform-to/react'

/**
 * The reply when it answers the form sent with `intent` (and, for a row's form, `lineId`): several forms
 * on a page share one action, and each shows only its own result.
 */
export function replyFor<R extends SubmissionResult<string[]>>(
  result: R | undefined,
  intent: string,
  row?: { name: string; value: string },
): R | undefined {
  const sent = result?.initialValue
  if (sent?.intent !== intent) return undefined
  return !row || sent[row.name] === row.value ? result : undefined
}
