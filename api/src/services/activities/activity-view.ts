import type { schema } from '@aura/db'

export type ActivityRow = typeof schema.activities.$inferSelect

export function activityView(row: ActivityRow) {
  return {
    id: row.id,
    contactId: row.contactId,
    dealId: row.dealId,
    type: row.type,
    subject: row.subject,
    description: row.description,
    occurredAt: row.occurredAt.toISOString(),
    participantUserId: row.participantUserId,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
  }
}
