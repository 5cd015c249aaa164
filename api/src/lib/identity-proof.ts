import type { Credential, HostTenant, Role } from '@aura/db'

/**
 * The per-request state of a credential check. Facts may come from this instance's cache ('hint', GET and
 * HEAD only): then the database confirms them inside the request's first tenant transaction, in the
 * statement that binds it (db/client.ts withIdentity), or in one statement after the handler if it opened
 * none. Either way nothing is answered on a revoked credential's behalf.
 */
export interface IdentityProof {
  credential: Credential
  /** The tenant host the credential is used on; null on the root domain (nothing to bind). */
  host: HostTenant | null
  source: 'hint' | 'fresh'
  /** The newest facts the database confirmed during this request; null until then. */
  confirmed: ConfirmedFacts | null
  /** requireStepUp saw no elevation in hinted facts and left the decision to the database's facts. */
  stepUpDeferred: boolean
  /** A guard (requireMember, currentAuth, …) handed the identity to the handler. */
  used: boolean
  /** The database refused the credential during the request (a dead session's cookie is then cleared). */
  refused: boolean
}

export interface ConfirmedFacts {
  role: Role | null
  expiresAt: Date | null
  elevatedUntil: Date | null
  lastUsedAt: Date | null
}
