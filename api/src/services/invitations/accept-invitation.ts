import { type Db, schema, withTenant } from '@aura/db'
import { hashPassword } from '@aura/db/passwords'
import { and, eq, gt, isNull } from 'drizzle-orm'
import { isUniqueViolation } from '../../lib/db-errors.ts'
import { AppError } from '../../lib/problem.ts'
import { sha256Hex } from '../../lib/tokens.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { notify } from '../notifications/notify.ts'

export interface AcceptInvitationInput {
  token: string
  name: string
  password: string
}

const badToken = () =>
  new AppError('validation_failed', 'This invitation link is invalid, already used, withdrawn or expired', {
    errors: [{ field: 'token', message: 'Invalid, used, withdrawn or expired' }],
  })

/**
 * F3.3: the invitee sets a password and becomes a member with the invited role. Runs on the tenant host
 * before anyone is signed in (a tenant transaction with no user): RLS confines the token lookup to this
 * workspace, so another workspace's token is as unknown as a forged one. Consuming the invitation and
 * creating the user commit together; one email belongs to at most one account (users.email is unique),
 * so an address that already has an account anywhere gets 409 and the invitation stays unused. The row is
 * locked first, so two acceptances of one token cannot both create a member. The audit row's actor is the new
 * member; the inviter is in its payload (invitedBy).
 */
export async function acceptInvitation(
  db: Db,
  { tenantId, input, requestId }: { tenantId: string; input: AcceptInvitationInput; requestId?: string },
) {
  const { invitations: i, users } = schema
  const tokenHash = await sha256Hex(input.token)
  const passwordHash = await hashPassword(input.password)
  try {
    return await withTenant(db, { tenantId }, async (tx) => {
      const now = new Date()
      const [invitation] = await tx
        .select()
        .from(i)
        .where(
          and(eq(i.tokenHash, tokenHash), isNull(i.acceptedAt), isNull(i.revokedAt), gt(i.expiresAt, now)),
        )
        .for('update')
      if (!invitation) throw badToken()
      const [user] = await tx
        .insert(users)
        .values({
          tenantId,
          email: invitation.email,
          name: input.name,
          passwordHash,
          role: invitation.role,
          // The emailed link proves the address.
          emailVerifiedAt: now,
          createdBy: invitation.invitedBy,
        })
        .returning(schema.userColumns)
      if (!user) throw new Error('insert returned no row')
      // No user is bound yet (nobody is signed in), so the trigger would leave updated_by NULL: the new
      // member is who accepted it (F14.2).
      await tx.update(i).set({ acceptedAt: now, updatedBy: user.id }).where(eq(i.id, invitation.id))
      await recordAudit(tx, {
        tenantId,
        action: 'user.created',
        actorUserId: user.id,
        entityType: 'user',
        entityId: user.id,
        after: {
          email: user.email,
          role: user.role,
          invitationId: invitation.id,
          invitedBy: invitation.invitedBy,
        },
        requestId,
      })
      // The workspace's admins hear of a new member; the insert policy asks only for the bound tenant, so
      // this unbound transaction may write it (ADR 0169). The new member is the actor (never told).
      const admins = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.tenantId, tenantId), eq(users.role, 'admin'), eq(users.status, 'active')))
      await notify(
        tx,
        { tenantId, userId: user.id },
        admins.map((a) => ({ kind: 'invitation.accepted' as const, recipientUserId: a.id })),
      )
      return user
    })
  } catch (err) {
    if (isUniqueViolation(err, 'users_email_unique'))
      throw new AppError('conflict', 'An account with this email already exists; sign in with it instead', {
        errors: [{ field: 'token', message: 'The invited email already has an account' }],
      })
    throw err
  }
}
