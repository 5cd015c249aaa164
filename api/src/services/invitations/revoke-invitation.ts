import { schema, type Tx } from '@aura/db'
import { and, eq, inArray, isNull } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { notFound } from '../../lib/problem.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { manageableRoles } from '../users/member-authority.ts'

/**
 * Withdraws a pending invitation: its link answers like a forged one from now on. A manager withdraws rep
 * invitations only; another one is as unknown to them as in their list (404). updated_by is the actor (the
 * set_updated_columns trigger, from the bound user).
 */
export async function revokeInvitation(
  tx: Tx,
  { actor, invitationId }: { actor: Actor; invitationId: string },
) {
  const { invitations: i } = schema
  const [revoked] = await tx
    .update(i)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(i.id, invitationId),
        isNull(i.acceptedAt),
        isNull(i.revokedAt),
        inArray(i.role, manageableRoles(actor.role, 'invite')),
      ),
    )
    .returning({ id: i.id, email: i.email })
  if (!revoked) throw notFound('Pending invitation')
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    action: 'invitation.revoked',
    actorUserId: actor.userId,
    entityType: 'invitation',
    entityId: revoked.id,
    after: { email: revoked.email },
    requestId: actor.requestId,
  })
}
