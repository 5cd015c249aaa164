// The tenant transaction of a signed-in caller (ADR 0110). When the caller came with a credential, the
// transaction's binding statement checks it again and binds the database's own facts; this module compares
// them with what the request assumed before the transaction (possibly from this instance's cache) and
// refuses, inside the transaction, anything the facts no longer allow.
import { type BoundIdentity, CredentialRefused, type Db, type Tx, withIdentity, withTenant } from '@aura/db'
import type { Actor, TxBinding } from '../../lib/actor.ts'
import type { ConfirmedFacts, IdentityProof } from '../../lib/identity-proof.ts'
import { AppError } from '../../lib/problem.ts'
import { forgetTenant } from '../tenants/resolve-tenant.ts'
import { identityHints } from './identity-cache.ts'

/** Whom callerTx binds: the actor's tenant, user and role, and the credential that vouches for them. */
type Bound = Pick<Actor, 'tenantId' | 'userId' | 'role'> & Pick<TxBinding, 'proof'>

/**
 * A GET started on cached facts that the database contradicts (the user's role changed). Nothing was
 * answered on them: the authenticate middleware answers the request again from fresh facts.
 */
export class IdentityChanged extends AppError {
  constructor() {
    super('conflict', 'Your access to this workspace changed; try again')
    this.name = 'IdentityChanged'
  }
}

/** Runs fn bound to the caller's tenant, user and role; with a credential, checked by the binding itself. */
export function callerTx<T>(db: Db, caller: Bound, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const proof = caller.proof
  if (!proof?.host || proof.host.tenantId !== caller.tenantId) {
    return withTenant(db, { tenantId: caller.tenantId, userId: caller.userId, role: caller.role }, fn)
  }
  const host = proof.host
  return withIdentity(db, host, proof.credential, async (tx, bound) => {
    acceptBound(db, proof, caller, bound)
    return fn(tx)
  }).catch((err: unknown) => {
    if (err instanceof CredentialRefused)
      throw refusal(db, { proof, refused: err.refusal, tenantId: host.tenantId })
    throw err
  })
}

/** Throws (rolling the transaction back) unless the database's facts are the ones the request acted on. */
function acceptBound(db: Db, proof: IdentityProof, caller: Bound, bound: BoundIdentity) {
  const facts: ConfirmedFacts = {
    role: bound.role,
    expiresAt: bound.expiresAt,
    elevatedUntil: bound.elevatedUntil,
    lastUsedAt: bound.lastUsedAt,
  }
  confirm(db, { proof, facts, same: bound.userId === caller.userId && bound.role === caller.role })
}

/**
 * Records facts the database confirmed in this request and checks what was decided before on cached
 * ones: the same user and role (`same`), and an elevation that requireStepUp left to the database.
 */
export function confirm(
  db: Db,
  { proof, facts, same }: { proof: IdentityProof; facts: ConfirmedFacts; same: boolean },
): void {
  proof.confirmed = facts
  identityHints(db).refresh(proof.credential, facts)
  if (!same) {
    identityHints(db).forget(proof.credential)
    if (proof.source === 'hint') throw new IdentityChanged()
    throw new AppError('conflict', 'Your role in this workspace changed while this request ran; try again')
  }
  if (proof.stepUpDeferred && !elevated(facts.elevatedUntil)) {
    throw new AppError('step_up_required', 'Confirm it is you: enter the code we email you, then try again')
  }
}

export const elevated = (until: Date | null, now = Date.now()) => until !== null && until.getTime() > now

/** The answer to a credential the database refused, and this instance forgets what it remembered. */
export function refusal(
  db: Db,
  {
    proof,
    refused,
    tenantId,
  }: { proof: IdentityProof; refused: CredentialRefused['refusal']; tenantId: string | null },
): AppError {
  proof.refused = true
  identityHints(db).forget(proof.credential)
  if (refused === 'tenant_unavailable') {
    if (tenantId) forgetTenant(db, tenantId)
    return new AppError(
      'tenant_suspended',
      'This workspace is suspended. Its data is kept; contact Aura support.',
    )
  }
  if (refused === 'other_tenant')
    return new AppError('forbidden', 'This credential belongs to another workspace')
  // A dead session's cookie is cleared by the authenticate middleware on the way out.
  return proof.credential.kind === 'token'
    ? new AppError('unauthorized', 'The API token is invalid, expired or revoked')
    : new AppError('unauthorized', 'Your session has ended; sign in again')
}
