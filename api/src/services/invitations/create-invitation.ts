import { type Role, schema, type Tx } from '@aura/db'
import { and, eq, inArray, isNull, notInArray } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { enqueueEmail } from '../../lib/email/outbox.ts'
import { emails } from '../../lib/email/templates.ts'
import { AppError } from '../../lib/problem.ts'
import { randomToken, sha256Hex } from '../../lib/tokens.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { assertCanManageMember, manageableRoles } from '../users/member-authority.ts'
import { toInvitation } from './list-invitations.ts'

/** F3.2: an invitation link works for seven days. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000

export interface CreateInvitationInput {
  email: string
  role: Role
  /** The workspace's origin (https://acme.example.com): the link points back to this host. */
  origin: string
}

/**
 * F3.1/F3.2: invites by email with a role. The token (256 random bits) leaves only in the email; the
 * table keeps its SHA-256. A newer invitation to the same address withdraws the pending one, so only
 * the latest link works. Admins invite any role, managers reps only (canManageMember, ADR 0167); a manager
 * cannot replace an admin's pending invitation with another role: that is a 409, the admin's stays.
 */
export async function createInvitation(
  tx: Tx,
  { actor, input }: { actor: Actor; input: CreateInvitationInput },
) {
  const { users, invitations, tenants } = schema
  assertCanManageMember(actor.role, input.role, 'invite', 'role')
  const [member] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email))
  if (member)
    throw new AppError('conflict', 'This person is already a member of the workspace', {
      errors: [{ field: 'email', message: 'Already a member' }],
    })
  const now = new Date()
  const pendingTo = and(
    eq(invitations.email, input.email),
    isNull(invitations.acceptedAt),
    isNull(invitations.revokedAt),
  )
  const mine = manageableRoles(actor.role, 'invite')
  const [other] = await tx
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(pendingTo, notInArray(invitations.role, mine)))
    .limit(1)
  if (other)
    throw new AppError('conflict', 'An admin has a pending invitation for this address; ask an admin', {
      errors: [{ field: 'email', message: 'Has a pending invitation you cannot replace' }],
    })
  await tx
    .update(invitations)
    .set({ revokedAt: now })
    .where(and(pendingTo, inArray(invitations.role, mine)))
  const token = randomToken()
  const [invitation] = await tx
    .insert(invitations)
    .values({
      tenantId: actor.tenantId,
      email: input.email,
      role: input.role,
      tokenHash: await sha256Hex(token),
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      invitedBy: actor.userId,
    })
    .returning()
  if (!invitation) throw new Error('insert returned no row')
  const [tenant] = await tx.select({ companyName: tenants.companyName }).from(tenants)
  const link = `${input.origin}/invitations/accept?token=${token}`
  await enqueueEmail(
    tx,
    input.email,
    emails.invitation(tenant?.companyName ?? 'Aura CRM', input.role, link),
    actor.tenantId,
  )
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    action: 'user.invited',
    actorUserId: actor.userId,
    entityType: 'invitation',
    entityId: invitation.id,
    after: { email: input.email, role: input.role },
    requestId: actor.requestId,
  })
  return toInvitation(invitation)
}
