import { schema, type Tx } from '@aura/db'
import { and, eq, isNull } from 'drizzle-orm'
import { AppError } from '../../lib/problem.ts'

const refuse = (field: string, message: string) =>
  new AppError('unprocessable', message, { errors: [{ field, message }] })

/**
 * The composite foreign keys already keep references inside the tenant; these checks add what keys
 * cannot: the organization must be live, the assignee an active member.
 */
export async function assertContactReferences(
  tx: Tx,
  tenantId: string,
  refs: { organizationId?: string | null; assignedUserId?: string | null },
) {
  if (refs.organizationId) {
    const o = schema.organizations
    const [org] = await tx
      .select({ id: o.id })
      .from(o)
      .where(and(eq(o.tenantId, tenantId), eq(o.id, refs.organizationId), isNull(o.deletedAt)))
    if (!org) throw refuse('organizationId', 'The organization does not exist in this workspace')
  }
  if (refs.assignedUserId) {
    const u = schema.users
    const [user] = await tx
      .select({ id: u.id })
      .from(u)
      .where(and(eq(u.tenantId, tenantId), eq(u.id, refs.assignedUserId), eq(u.status, 'active')))
    if (!user) throw refuse('assignedUserId', 'The user is not an active member of this workspace')
  }
}
