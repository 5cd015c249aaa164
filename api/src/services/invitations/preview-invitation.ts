import { type Db, schema, withTenant } from '@aura/db'
import { and, eq, gt, isNull } from 'drizzle-orm'
import { AppError } from '../../lib/problem.ts'
import { sha256Hex } from '../../lib/tokens.ts'

/**
 * What the invitation page shows before anyone types a password (issue 13): the company inviting, the
 * address and the role. Like accepting, it runs on the tenant host with no user, so RLS confines the lookup
 * to this workspace; a token that is unknown here, used, withdrawn or expired is one 404, telling nothing.
 * Reads only: the token stays usable.
 */
export async function previewInvitation(db: Db, { tenantId, token }: { tenantId: string; token: string }) {
  const { invitations: i, tenants: t } = schema
  const tokenHash = await sha256Hex(token)
  const [found] = await withTenant(db, { tenantId }, (tx) =>
    tx
      .select({ companyName: t.companyName, email: i.email, role: i.role, expiresAt: i.expiresAt })
      .from(i)
      .innerJoin(t, eq(t.id, i.tenantId))
      .where(
        and(
          eq(i.tenantId, tenantId),
          eq(i.tokenHash, tokenHash),
          isNull(i.acceptedAt),
          isNull(i.revokedAt),
          gt(i.expiresAt, new Date()),
        ),
      ),
  )
  if (!found)
    throw new AppError('not_found', 'This invitation link is invalid, already used, withdrawn or expired')
  return { ...found, expiresAt: found.expiresAt.toISOString() }
}
