import { schema, type Tx } from '@aura/db'
import { and, desc, gt, isNull } from 'drizzle-orm'
import { afterCursor, toPage } from '../../lib/paging.ts'

/** Pending invitations: neither accepted, revoked nor expired. Newest first. */
export async function listInvitations(tx: Tx, input: { limit: number; cursor?: string | undefined }) {
  const { invitations: i } = schema
  const rows = await tx
    .select()
    .from(i)
    .where(
      and(
        isNull(i.acceptedAt),
        isNull(i.revokedAt),
        gt(i.expiresAt, new Date()),
        afterCursor(i, i, input.cursor),
      ),
    )
    .orderBy(desc(i.createdAt), desc(i.id))
    .limit(input.limit + 1)
  return toPage(rows.map(toInvitation), input.limit)
}

export function toInvitation(i: typeof schema.invitations.$inferSelect) {
  return {
    id: i.id,
    email: i.email,
    role: i.role,
    invitedBy: i.invitedBy,
    expiresAt: i.expiresAt.toISOString(),
    createdAt: i.createdAt.toISOString(),
  }
}
