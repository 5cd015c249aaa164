import type { Tx } from '@aura/db'

/**
 * The request's tenant transaction while a keyed create runs in it (ADR 0130): the idempotency middleware
 * opens it, memberTx runs the handler's work in it.
 */
export interface SharedTx {
  tenantId: string
  userId: string
  tx: Tx
  /** How many times the handler joined; zero means it wrote elsewhere and the key cannot vouch for it. */
  joined: number
}
