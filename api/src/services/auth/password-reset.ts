// F2.3: reset by an emailed single-use link. The request answers identically for every email; only a
// user who may sign in on this host gets a link, the link works only on that host, and confirming it
// revokes every session and API token of theirs and tells them by email (ADR 0147).
import { type Db, schema, withPlatform } from '@aura/db'
import { decoyHash, hashPassword, verifyPassword } from '@aura/db/passwords'
import { and, eq, gt, isNull } from 'drizzle-orm'
import { enqueueEmail } from '../../lib/email/outbox.ts'
import { emails } from '../../lib/email/templates.ts'
import { AppError } from '../../lib/problem.ts'
import { randomToken, sha256Hex } from '../../lib/tokens.ts'
import { recordAudit, recordPlatformAudit } from '../audit/record-audit.ts'
import { clearLoginBackoff } from './login-backoff.ts'

export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000

export interface ResetHost {
  /** The workspace of the host the request came to, or null for the root domain. */
  tenantId: string | null
  origin: string
  requestId?: string
}

const { users, tenants, passwordResetTokens: t } = schema

/**
 * The stored hash binds the token to the host it was issued for (a workspace, or the root domain): the
 * same token presented on another host hashes differently and is simply unknown there.
 */
const hostBoundHash = (token: string, host: ResetHost) => sha256Hex(`${host.tenantId ?? 'root'}:${token}`)

/**
 * Who may reset here mirrors who may sign in here: on a workspace host, its active members; on the root
 * domain, any active user (as login there allows). Both paths verify one scrypt hash, so the answer
 * takes the same time whether or not the email is known.
 */
export async function requestPasswordReset(db: Db, email: string, host: ResetHost): Promise<void> {
  const token = randomToken()
  const tokenHash = await hostBoundHash(token, host)
  await verifyPassword(await decoyHash(), email)
  await withPlatform(db, 'password-reset', async (tx) => {
    const [user] = await tx
      .select({
        id: users.id,
        tenantId: users.tenantId,
        status: users.status,
        workspace: tenants.companyName,
      })
      .from(users)
      .leftJoin(tenants, eq(tenants.id, users.tenantId))
      .where(eq(users.email, email))
      .limit(1)
    if (user?.status !== 'active') return
    if (host.tenantId !== null && user.tenantId !== host.tenantId) return
    const now = new Date()
    // A new link retires every earlier unused one.
    await tx
      .update(t)
      .set({ usedAt: now })
      .where(and(eq(t.userId, user.id), isNull(t.usedAt)))
    await tx
      .insert(t)
      .values({ userId: user.id, tokenHash, expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS) })
    const workspace = host.tenantId ? (user.workspace ?? 'Aura CRM') : 'Aura CRM'
    const link = `${host.origin}/reset-password?token=${token}`
    await enqueueEmail(tx, email, emails.passwordReset(workspace, link), host.tenantId)
    await audit(tx, {
      userId: user.id,
      tenantId: user.tenantId,
      action: 'auth.password_reset_requested',
      requestId: host.requestId,
    })
  })
}

/**
 * Consumes the token, sets the new password and deletes all the user's sessions, in one transaction.
 * Returns the user id, for the caller to open a fresh session. Unknown, used, expired and
 * wrong-host tokens all get the same 400 naming `token`.
 */
export async function confirmPasswordReset(
  db: Db,
  input: { token: string; password: string },
  host: ResetHost,
): Promise<{ userId: string }> {
  const tokenHash = await hostBoundHash(input.token, host)
  const passwordHash = await hashPassword(input.password)
  const now = new Date()
  const userId = await withPlatform(db, 'password-reset', async (tx) => {
    const [row] = await tx
      .select({
        tokenId: t.id,
        userId: users.id,
        tenantId: users.tenantId,
        status: users.status,
        email: users.email,
        workspace: tenants.companyName,
      })
      .from(t)
      .innerJoin(users, eq(users.id, t.userId))
      .leftJoin(tenants, eq(tenants.id, users.tenantId))
      .where(and(eq(t.tokenHash, tokenHash), isNull(t.usedAt), gt(t.expiresAt, now)))
      .limit(1)
      .for('update', { of: t })
    if (row?.status !== 'active') return null
    if (host.tenantId !== null && row.tenantId !== host.tenantId) return null
    await tx
      .update(t)
      .set({ usedAt: now })
      .where(and(eq(t.userId, row.userId), isNull(t.usedAt)))
    await tx.update(users).set({ passwordHash }).where(eq(users.id, row.userId))
    // Whoever knew the old password may have signed in or made a token with it: all of them end here.
    await tx.delete(schema.sessions).where(eq(schema.sessions.userId, row.userId))
    const { apiTokens } = schema
    await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.userId, row.userId), isNull(apiTokens.revokedAt)))
    await clearLoginBackoff(tx, row.email)
    // If the reset was not theirs, this is how they learn of it.
    await enqueueEmail(tx, row.email, emails.passwordChanged(row.workspace ?? 'Aura CRM'), row.tenantId)
    await audit(tx, {
      userId: row.userId,
      tenantId: row.tenantId,
      action: 'auth.password_reset',
      requestId: host.requestId,
    })
    return row.userId
  })
  if (!userId) {
    throw new AppError('validation_failed', 'This link is invalid, already used or expired', {
      errors: [{ field: 'token', message: 'Invalid, used or expired; ask for a new link' }],
    })
  }
  return { userId }
}

type Tx = Parameters<Parameters<typeof withPlatform>[2]>[0]

/** Members' resets go to their workspace's audit log (the platform path may write it); others' to the platform's. */
async function audit(
  tx: Tx,
  {
    userId,
    tenantId,
    action,
    requestId,
  }: { userId: string; tenantId: string | null; action: string; requestId?: string },
) {
  if (tenantId) {
    await recordAudit(tx, {
      tenantId,
      action,
      actorUserId: userId,
      entityType: 'user',
      entityId: userId,
      requestId,
    })
  } else {
    await recordPlatformAudit(tx, { action, actorUserId: userId, targetUserId: userId, requestId })
  }
}
