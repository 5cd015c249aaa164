import { type Db, schema, withPlatform } from '@aura/db'
import { and, eq, gt, isNull } from 'drizzle-orm'
import { AppError } from '../../lib/problem.ts'
import { sha256Hex } from '../../lib/tokens.ts'

/** Consumes a single-use verification token; unknown, used and expired tokens get the same answer. */
export async function verifyEmail(db: Db, token: string): Promise<void> {
  const { emailVerificationTokens: t, users } = schema
  const hash = await sha256Hex(token)
  const now = new Date()
  const ok = await withPlatform(db, 'signup', async (tx) => {
    const [used] = await tx
      .update(t)
      .set({ usedAt: now })
      .where(and(eq(t.tokenHash, hash), isNull(t.usedAt), gt(t.expiresAt, now)))
      .returning({ userId: t.userId, email: t.email })
    if (!used) return false
    await tx
      .update(users)
      .set({ emailVerifiedAt: now })
      .where(and(eq(users.id, used.userId), eq(users.email, used.email)))
    return true
  })
  if (!ok)
    throw new AppError('validation_failed', 'This link is invalid, already used or expired', {
      errors: [{ field: 'token', message: 'Invalid, used or expired' }],
    })
}
