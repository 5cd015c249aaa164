// The permission table of PRD F4.1, in one place so custom roles can replace it later (F4.4).
// Record visibility (a rep sees only their own contacts and deals) is enforced by RLS policies, not here.
import type { Role } from '@aura/db'

const ALL: readonly Role[] = ['admin', 'manager', 'rep']
const ADMIN: readonly Role[] = ['admin']
const MANAGERS: readonly Role[] = ['admin', 'manager']

export const PERMISSIONS = {
  'workspace.read': ALL,
  'workspace.update': ADMIN,
  'users.read': ALL,
  /** Anyone's profile and role (F4.2), and deactivating anyone but oneself. */
  'users.manage': ADMIN,
  /** Deactivating reps only (F4.1 "manage team members"); the target's role is checked by canManageMember. */
  'users.deactivate-reps': MANAGERS,
  /** Invitations with any role. */
  'invitations.manage': ADMIN,
  /** Inviting reps and listing/revoking rep invitations (ADR 0167); the role is checked by canManageMember. */
  'invitations.invite-reps': MANAGERS,
  'audit.read': ADMIN,
  'export.run': ADMIN,
  'processes.read': ALL,
  'processes.manage': ADMIN,
  'products.read': ALL,
  'products.manage': ADMIN,
  /** Reps see active products only (F12.1). */
  'products.read-inactive': MANAGERS,
  'pricing.manage': ADMIN,
  /** The raw cost on blueprints and in price history (ADR 0060). */
  'pricing.read-cost': MANAGERS,
  'records.reassign': MANAGERS,
  'pricing.override-discount': MANAGERS,
  'records.read-all': MANAGERS,
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof PERMISSIONS

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role)
}
