import { schema, type Tx } from '@aura/db'
import { and, eq, isNull } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { AppError, notFound } from '../../lib/problem.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { toMember } from './list-users.ts'
import { assertCanManageMember } from './member-authority.ts'

/**
 * F3.4/F3.5: soft delete. The row and everything the user owns stay (audit history keeps its actor);
 * their sessions on this workspace and their API tokens die in the same transaction, and login refuses
 * a deactivated status. Root-domain sessions a member may hold are invisible here, but authentication
 * refuses any session whose user is not active, so they are dead too. Admins deactivate anyone but themselves,
 * managers reps only (canManageMember).
 */
export async function deactivateUser(tx: Tx, { actor, userId }: { actor: Actor; userId: string }) {
  const { users, sessions, apiTokens } = schema
  if (userId === actor.userId) throw new AppError('conflict', 'You cannot deactivate yourself')
  // Admins deactivate anyone; managers reps only (F4.1, ADR 0167). Read before locking: FOR UPDATE sees only
  // the rows the actor may change (RLS), which would make a manager's refusal a 404.
  const [target] = await tx.select({ role: users.role }).from(users).where(eq(users.id, userId))
  if (!target) throw notFound('User')
  assertCanManageMember(actor.role, target.role ?? 'rep', 'deactivate')
  const [before] = await tx.select(schema.userColumns).from(users).where(eq(users.id, userId)).for('update')
  if (!before) throw notFound('User')
  if (before.status === 'deactivated') return toMember(before)
  const now = new Date()
  const [after] = await tx
    .update(users)
    .set({ status: 'deactivated', deactivatedAt: now })
    .where(eq(users.id, userId))
    .returning(schema.userColumns)
  if (!after) throw notFound('User')
  const killed = await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id })
  const revoked = await tx
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id })
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    action: 'user.deactivated',
    actorUserId: actor.userId,
    entityType: 'user',
    entityId: userId,
    before: { status: before.status },
    after: { status: after.status, sessionsRevoked: killed.length, tokensRevoked: revoked.length },
    requestId: actor.requestId,
  })
  return toMember(after)
}
