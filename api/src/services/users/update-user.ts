import { type Role, schema, type Tx } from '@aura/db'
import { and, eq, ne } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { can } from '../../lib/permissions.ts'
import { AppError, notFound } from '../../lib/problem.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { toMember } from './list-users.ts'

export interface ProfilePatch {
  name?: string | undefined
  avatarUrl?: string | null | undefined
  department?: string | null | undefined
  phone?: string | null | undefined
  timezone?: string | null | undefined
}

export interface UserPatch extends ProfilePatch {
  role?: Role | undefined
}

const PROFILE_KEYS = ['name', 'avatarUrl', 'department', 'phone', 'timezone'] as const

/**
 * F3.6 profile fields (the user themself or an admin) and F4.2 role changes (admins only). The last
 * active admin cannot be demoted: the workspace would be left with nobody able to manage it.
 */
export async function updateUser(
  tx: Tx,
  { actor, userId, patch }: { actor: Actor; userId: string; patch: UserPatch },
) {
  const { users } = schema
  const admin = can(actor.role, 'users.manage')
  if (!admin && userId !== actor.userId) throw new AppError('forbidden', 'You may edit only your own profile')
  if (patch.role !== undefined && !admin) throw new AppError('forbidden', 'Only admins change roles')
  const [before] = await tx.select(schema.userColumns).from(users).where(eq(users.id, userId)).for('update')
  if (!before) throw notFound('User')
  const roleChanges = patch.role !== undefined && patch.role !== before.role
  if (roleChanges && before.role === 'admin' && before.status === 'active')
    await assertAnotherAdmin(tx, userId)
  const profile = PROFILE_KEYS.filter((k) => patch[k] !== undefined && patch[k] !== before[k])
  if (!roleChanges && profile.length === 0) return toMember(before)
  const [after] = await tx
    .update(users)
    .set({
      ...Object.fromEntries(profile.map((k) => [k, patch[k]])),
      ...(roleChanges ? { role: patch.role } : {}),
    })
    .where(eq(users.id, userId))
    .returning(schema.userColumns)
  if (!after) throw notFound('User')
  const entry = {
    tenantId: actor.tenantId,
    actorUserId: actor.userId,
    entityType: 'user',
    entityId: userId,
  }
  if (roleChanges) {
    await recordAudit(tx, {
      ...entry,
      action: 'user.role_changed',
      before: { role: before.role },
      after: { role: after.role },
      requestId: actor.requestId,
    })
  }
  if (profile.length > 0) {
    await recordAudit(tx, {
      ...entry,
      action: 'user.profile_updated',
      before: Object.fromEntries(profile.map((k) => [k, before[k]])),
      after: Object.fromEntries(profile.map((k) => [k, after[k]])),
      requestId: actor.requestId,
    })
  }
  return toMember(after)
}

/** Locks the other active admins so two concurrent demotions cannot both pass this check. */
async function assertAnotherAdmin(tx: Tx, userId: string) {
  const { users } = schema
  const others = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.status, 'active'), ne(users.id, userId)))
    .for('update')
  if (others.length === 0)
    throw new AppError(
      'conflict',
      'The workspace needs at least one active admin; promote someone else first',
    )
}
