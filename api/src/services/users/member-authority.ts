// F4.1 "managers manage team members" (ADR 0167): which members an actor may invite or deactivate, by the
// target's role. The permission table (lib/permissions.ts) says who may do it at all; this is the one place
// that says on whom. The database enforces the same limits (migration 0029).
import type { Role } from '@aura/db'
import { can, type Permission } from '../../lib/permissions.ts'
import { AppError } from '../../lib/problem.ts'

export type MemberOperation = 'invite' | 'deactivate'

const AUTHORITY: Record<MemberOperation, { any: Permission; reps: Permission }> = {
  invite: { any: 'invitations.manage', reps: 'invitations.invite-reps' },
  deactivate: { any: 'users.manage', reps: 'users.deactivate-reps' },
}

const ROLES: readonly Role[] = ['admin', 'manager', 'rep']

/** Admins act on any role; managers on reps only; reps on nobody. */
export function canManageMember(actorRole: Role, targetRole: Role, operation: MemberOperation): boolean {
  const { any, reps } = AUTHORITY[operation]
  if (can(actorRole, any)) return true
  return targetRole === 'rep' && can(actorRole, reps)
}

/** The roles an actor may invite or deactivate (a manager: ['rep']). */
export function manageableRoles(actorRole: Role, operation: MemberOperation): Role[] {
  return ROLES.filter((r) => canManageMember(actorRole, r, operation))
}

/** 403 naming the target role, e.g. "Managers invite reps only; ask an admin to invite a manager". */
export function assertCanManageMember(
  actorRole: Role,
  targetRole: Role,
  operation: MemberOperation,
  field?: string,
): void {
  if (canManageMember(actorRole, targetRole, operation)) return
  const message =
    operation === 'invite'
      ? `You may invite reps only; ask an admin to invite a ${targetRole}`
      : `You may deactivate reps only; ask an admin to deactivate a ${targetRole}`
  throw new AppError('forbidden', message, field ? { errors: [{ field, message }] } : {})
}
