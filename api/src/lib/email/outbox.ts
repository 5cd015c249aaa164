import { schema, type Tx } from '@aura/db'
import type { RenderedEmail } from './templates.ts'

/**
 * Writes the email in the caller's transaction: it is sent if and only if the business change commits.
 * tenantId is null for root-domain mail (signup, platform notices).
 */
export async function enqueueEmail(tx: Tx, to: string, email: RenderedEmail, tenantId: string | null = null) {
  await tx.insert(schema.emailOutbox).values({
    tenantId,
    toAddress: to,
    subject: email.subject,
    html: email.html,
    text: email.text,
    template: email.template,
  })
}
