import { type Db, schema, withPlatform } from '@aura/db'
import { hashPassword } from '@aura/db/passwords'
import { eq } from 'drizzle-orm'
import { enqueueEmail } from '../../lib/email/outbox.ts'
import { emails } from '../../lib/email/templates.ts'
import { randomToken, sha256Hex } from '../../lib/tokens.ts'
import { recordPlatformAudit } from '../audit/record-audit.ts'

export const EMAIL_VERIFICATION_TTL_MS = 24 * 60 * 60 * 1000

export interface SignUpInput {
  email: string
  password: string
  name: string
  companyName?: string | undefined
}

/**
 * Creates a pre-tenant account (no tenant, no role: it reaches nothing tenant-scoped) and emails a
 * verification link. An existing email gets a "you already have an account" email instead; the caller
 * answers identically either way, and both paths hash a password so they take the same time.
 */
export async function signUp(
  db: Db,
  { input, origin, requestId }: { input: SignUpInput; origin: string; requestId?: string },
) {
  const { users, emailVerificationTokens } = schema
  const passwordHash = await hashPassword(input.password)
  const token = randomToken()
  const tokenHash = await sha256Hex(token)
  await withPlatform(db, 'signup', async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, input.email))
      .limit(1)
    if (existing) {
      await enqueueEmail(tx, input.email, emails.signupExists(`${origin}/login`))
      return
    }
    const [user] = await tx
      .insert(users)
      .values({
        email: input.email,
        passwordHash,
        name: input.name,
        requestedCompanyName: input.companyName ?? null,
      })
      .returning({ id: users.id })
    if (!user) throw new Error('insert returned no row')
    await tx.insert(emailVerificationTokens).values({
      userId: user.id,
      email: input.email,
      tokenHash,
      expiresAt: new Date(Date.now() + EMAIL_VERIFICATION_TTL_MS),
    })
    await enqueueEmail(tx, input.email, emails.verifyEmail(`${origin}/verify-email?token=${token}`))
    await recordPlatformAudit(tx, { action: 'account.signed_up', targetUserId: user.id, requestId })
  })
}
