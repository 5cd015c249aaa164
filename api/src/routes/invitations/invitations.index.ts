import type { Deps } from '../../context.ts'
import { createRouter } from '../../lib/router.ts'
import { hostTenantId, memberTx, requireMember } from '../../middleware/auth.ts'
import type { AuraLucia } from '../../services/auth/lucia.ts'
import { loadMe } from '../../services/auth/me.ts'
import { acceptInvitation } from '../../services/invitations/accept-invitation.ts'
import { createInvitation } from '../../services/invitations/create-invitation.ts'
import { listInvitations } from '../../services/invitations/list-invitations.ts'
import { previewInvitation } from '../../services/invitations/preview-invitation.ts'
import { revokeInvitation } from '../../services/invitations/revoke-invitation.ts'
import { manageableRoles } from '../../services/users/member-authority.ts'
import * as routes from './invitations.routes.ts'

export const invitationsRoutes = (deps: Deps, lucia: AuraLucia) =>
  createRouter()
    .openapi(routes.createInvitation, async (c) => {
      // Admins invite any role, managers reps only: createInvitation decides (canManageMember).
      const actor = requireMember(c, 'invitations.invite-reps')
      const input = { ...c.req.valid('json'), origin: new URL(c.req.url).origin }
      return c.json(await memberTx(deps, actor, (tx) => createInvitation(tx, { actor, input })), 201)
    })
    .openapi(routes.listInvitations, async (c) => {
      const actor = requireMember(c, 'invitations.invite-reps')
      const query = c.req.valid('query')
      return c.json(
        await memberTx(deps, actor, (tx) =>
          listInvitations(tx, { ...query, roles: manageableRoles(actor.role, 'invite') }),
        ),
        200,
      )
    })
    .openapi(routes.revokeInvitation, async (c) => {
      const actor = requireMember(c, 'invitations.invite-reps')
      const { id } = c.req.valid('param')
      await memberTx(deps, actor, (tx) => revokeInvitation(tx, { actor, invitationId: id }))
      return c.body(null, 204)
    })
    .openapi(routes.previewInvitation, async (c) => {
      // Anonymous like accepting: the token is the credential, on the inviting workspace's host only.
      const { token } = c.req.valid('json')
      return c.json(await previewInvitation(deps.db, { tenantId: hostTenantId(c), token }), 200)
    })
    .openapi(routes.acceptInvitation, async (c) => {
      // Anonymous by design: the token is the credential. It only works on the inviting workspace's host.
      const tenantId = hostTenantId(c)
      const user = await acceptInvitation(deps.db, {
        tenantId,
        input: c.req.valid('json'),
        requestId: c.get('requestId'),
      })
      const session = await lucia.createSession(user.id, { tenantId, elevatedUntil: null })
      c.header('Set-Cookie', lucia.createSessionCookie(session.id).serialize(), { append: true })
      const auth = {
        userId: user.id,
        tenantId,
        role: user.role,
        isPlatformAdmin: false,
        via: 'session' as const,
        sessionId: session.id,
        elevatedUntil: null,
      }
      return c.json(await loadMe(deps.db, auth), 201)
    })
