// NFR-S8 step-up ("sudo mode"): an emailed 6-digit code unlocks sensitive operations for 10 minutes, for
// the one session that verified it. Codes are stored hashed, expire after 10 minutes and allow 5 tries.
import { type Db, schema, withPlatform } from '@aura/db'
import { and, desc, eq, gt, isNull } from 'drizzle-orm'
import type { Auth } from '../../context.ts'
import { enqueueEmail } from '../../lib/email/outbox.ts'
import { emails } from '../../lib/email/templates.ts'
import { AppError } from '../../lib/problem.ts'
import { randomDigits, sha256Hex } from '../../lib/tokens.ts'
import { recordAudit, recordPlatformAudit } from '../audit/record-audit.ts'
import { identityHints } from './identity-cache.ts'

export const STEP_UP_CODE_TTL_MS = 10 * 60_000
export const STEP_UP_WINDOW_MS = 10 * 60_000
export const STEP_UP_MAX_ATTEMPTS = 5

const { stepUpCodes: s, users, tenants, sessions } = schema

// Bound to the user, so a hash table of the million codes is useless across users.
const codeHash = (userId: string, code: string) => sha256Hex(`${userId}:${code}`)

function interactive(auth: Auth): asserts auth is Auth & { sessionId: string } {
  if (auth.via !== 'session' || !auth.sessionId) {
    throw new AppError(
      'step_up_required',
      'Sensitive operations need a signed-in session; API tokens cannot step up',
    )
  }
}

/** Emails a fresh code to the signed-in user; earlier unused codes stop working. */
export async function requestStepUp(db: Db, auth: Auth): Promise<void> {
  interactive(auth)
  const code = randomDigits(6)
  const hash = await codeHash(auth.userId, code)
  await withPlatform(
    db,
    'step-up',
    async (tx) => {
      const [user] = await tx
        .select({ email: users.email, workspace: tenants.companyName })
        .from(users)
        .leftJoin(tenants, eq(tenants.id, users.tenantId))
        .where(eq(users.id, auth.userId))
        .limit(1)
      if (!user) throw new AppError('unauthorized', 'Sign in to continue')
      const now = new Date()
      await tx
        .update(s)
        .set({ usedAt: now })
        .where(and(eq(s.userId, auth.userId), isNull(s.usedAt)))
      await tx.insert(s).values({
        userId: auth.userId,
        codeHash: hash,
        expiresAt: new Date(now.getTime() + STEP_UP_CODE_TTL_MS),
      })
      const workspace = auth.tenantId ? (user.workspace ?? 'Aura CRM') : 'Aura CRM'
      await enqueueEmail(tx, user.email, emails.stepUpCode(workspace, code), auth.tenantId)
    },
    auth.userId,
  )
}

/** Checks the code and elevates this session until the returned time; a wrong code uses up one try. */
export async function verifyStepUp(db: Db, auth: Auth, code: string, requestId?: string): Promise<Date> {
  interactive(auth)
  const hash = await codeHash(auth.userId, code)
  const sessionHash = await sha256Hex(auth.sessionId)
  const now = new Date()
  const outcome = await withPlatform(
    db,
    'step-up',
    async (tx) => {
      const [current] = await tx
        .select()
        .from(s)
        .where(and(eq(s.userId, auth.userId), isNull(s.usedAt), gt(s.expiresAt, now)))
        .orderBy(desc(s.createdAt))
        .limit(1)
        .for('update')
      if (!current) return 'expired' as const
      if (current.attempts >= STEP_UP_MAX_ATTEMPTS) return 'exhausted' as const
      if (current.codeHash !== hash) {
        await tx
          .update(s)
          .set({ attempts: current.attempts + 1 })
          .where(eq(s.id, current.id))
        return current.attempts + 1 >= STEP_UP_MAX_ATTEMPTS ? ('exhausted' as const) : ('wrong' as const)
      }
      const until = new Date(now.getTime() + STEP_UP_WINDOW_MS)
      await tx.update(s).set({ usedAt: now }).where(eq(s.id, current.id))
      await tx.update(sessions).set({ elevatedUntil: until }).where(eq(sessions.id, sessionHash))
      const entry = { action: 'auth.step_up', actorUserId: auth.userId, requestId }
      if (auth.tenantId)
        await recordAudit(tx, {
          ...entry,
          tenantId: auth.tenantId,
          entityType: 'user',
          entityId: auth.userId,
        })
      else await recordPlatformAudit(tx, { ...entry, targetUserId: auth.userId })
      return until
    },
    auth.userId,
  )
  if (outcome instanceof Date) {
    // This instance's memory of the session learns the window at once (others from their next check).
    identityHints(db).refresh({ kind: 'session', hash: sessionHash }, { elevatedUntil: outcome })
    return outcome
  }
  const message = {
    wrong: 'That code is not right',
    exhausted: 'Too many wrong codes; ask for a new one',
    expired: 'The code has expired or was already used; ask for a new one',
  }[outcome]
  throw new AppError('validation_failed', message, { errors: [{ field: 'code', message }] })
}
