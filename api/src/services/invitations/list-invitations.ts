import { type Role, schema, type Tx } from '@aura/db'
import { and, gt, inArray, isNull } from 'drizzle-orm'
import { newestFirst, toPage } from '../../lib/pagination.ts'

const ALL_ROLES = 3

/**
 * Pending invitations: neither accepted, revoked nor expired. Newest first. `roles`: the roles the caller
 * manages (a manager sees rep invitations only, ADR 0167); all when absent.
 */
export async function listInvitations(
  tx: Tx,
  input: { limit: number; cursor?: string | undefined; roles?: readonly Role[] | undefined },
) {
  const { invitations: i } = schema
  const order = newestFirst(i.createdAt, i.id, input.cursor)
  const rows = await tx
    .select({ invitation: i, key: order.key })
    .from(i)
    .where(
      and(
        isNull(i.acceptedAt),
        isNull(i.revokedAt),
        gt(i.expiresAt, new Date()),
        input.roles && input.roles.length < ALL_ROLES ? inArray(i.role, [...input.roles]) : undefined,
        order.after,
      ),
    )
    .orderBy(...order.orderBy)
    .limit(input.limit + 1)
  const page = toPage(rows, input.limit, (r) => [r.key, r.invitation.id])
  return { data: page.data.map((r) => toInvitation(r.invitation)), nextCursor: page.nextCursor }
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
