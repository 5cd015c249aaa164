// Who acts in a workspace request (ADR 0103): the one shape every route hands every service. requireMember
// (middleware/auth.ts) builds it; memberTx binds the tenant transaction to it; a service that needs a
// permission checks it on actor.role itself (lib/permissions.ts can), never through a flag from the route.
import type { Role } from '@aura/db'
import type { IdentityProof } from './identity-proof.ts'
import type { SharedTx } from './shared-tx.ts'

export interface Actor {
  tenantId: string
  userId: string
  role: Role
  /** The request's id, written into audit rows and logs. */
  requestId: string
  /** The workspace's origin as the request addressed it (https://acme.example.com), for links in e-mail. */
  origin?: string
}

/**
 * What memberTx needs beside the actor to bind its transaction, travelling with it from requireMember: the
 * request's credential (checked again by the binding statement, ADR 0110) and, during a keyed create, the
 * transaction the idempotency middleware opened (ADR 0130). Services never read it.
 */
export interface TxBinding {
  proof?: IdentityProof | undefined
  sharedTx?: SharedTx | undefined
}
