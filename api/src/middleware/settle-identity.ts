// After the handler: make sure the database confirmed the credential this request was answered on, then do
// the credential's upkeep (ADR 0110). A GET that started on cached facts and opened no tenant transaction
// (so no binding statement checked them) pays one statement here; its answer leaves only if the
// credential is still live and still the same user and role.
import { type Db, identifyCredential } from '@aura/db'
import type { Context } from 'hono'
import type { AppEnv, Auth, Deps } from '../context.ts'
import type { IdentityProof } from '../lib/identity-proof.ts'
import { AppError } from '../lib/problem.ts'
import { confirm, IdentityChanged, refusal } from '../services/auth/caller-tx.ts'
import { renewSession, touchToken } from '../services/auth/credential-upkeep.ts'
import type { AuraLucia } from '../services/auth/lucia.ts'
import { problem } from './errors.ts'

/** Answers a GET again, from fresh facts (the app's own fetch with CallerFacts.freshIdentity). */
export type Replay = (c: Context<AppEnv>) => Promise<Response>

export async function settleIdentity(
  c: Context<AppEnv>,
  deps: Deps,
  lucia: AuraLucia,
  auth: Auth,
  proof: IdentityProof,
  replay: Replay,
): Promise<void> {
  if (!proof.confirmed && proof.used && !proof.refused) {
    try {
      await confirmAfterwards(deps.db, auth, proof)
    } catch (err) {
      if (err instanceof IdentityChanged) c.error = err
      else if (err instanceof AppError) replace(c, problem(c, err))
      else throw err
    }
  }
  if (c.error instanceof IdentityChanged) {
    c.get('log').info('identity changed since cached; answering again')
    replace(c, await replay(c))
    return
  }
  if (proof.refused && proof.credential.kind === 'session') {
    c.res.headers.append('Set-Cookie', lucia.createBlankSessionCookie().serialize())
  }
  await upkeep(c, deps.db, lucia, auth, proof)
}

async function confirmAfterwards(db: Db, auth: Auth, proof: IdentityProof) {
  const facts = await identifyCredential(db, proof.credential)
  if (!facts) throw refusal(db, { proof, refused: 'invalid', tenantId: auth.tenantId })
  if (facts.tenantId !== auth.tenantId)
    throw refusal(db, { proof, refused: 'other_tenant', tenantId: auth.tenantId })
  if (facts.tenantId && facts.tenantStatus !== 'active')
    throw refusal(db, { proof, refused: 'tenant_unavailable', tenantId: auth.tenantId })
  const same = facts.userId === auth.userId && (facts.tenantId ? facts.role : null) === auth.role
  confirm(db, { proof, facts, same })
}

/** A response replaced wholesale: without the reset Hono would carry the old response's headers over. */
function replace(c: Context<AppEnv>, res: Response) {
  c.res = undefined
  c.res = res
}

async function upkeep(c: Context<AppEnv>, db: Db, lucia: AuraLucia, auth: Auth, proof: IdentityProof) {
  const facts = proof.confirmed
  if (!facts || proof.refused) return
  try {
    if (proof.credential.kind === 'token') {
      await touchToken(db, { tokenHash: proof.credential.hash, lastUsedAt: facts.lastUsedAt })
    } else if (auth.sessionId) {
      const renewed = await renewSession(db, {
        sessionHash: proof.credential.hash,
        expiresAt: facts.expiresAt,
      })
      if (renewed) c.res.headers.append('Set-Cookie', lucia.createSessionCookie(auth.sessionId).serialize())
    }
  } catch (err) {
    // Bookkeeping: a failure must not cost the caller the answer they already have.
    c.get('log').error('credential upkeep failed', { error: (err as Error).name })
  }
}
