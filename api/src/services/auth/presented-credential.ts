// Which credential a request presents: a bearer API token wins over the session cookie. Only SHA-256 of
// either is ever looked up (ADR 0004, ADR 0034); whether it is live is the database's call (ADR 0110).
import type { Credential } from '@aura/db'
import { sha256Hex } from '../../lib/tokens.ts'

export const API_TOKEN_PREFIX = 'aura_'

export type Presented =
  | { credential: Credential; sessionId: string | null }
  /** An Authorization header that cannot be a token of ours: refused without a lookup. */
  | { credential: null; malformed: true }

/** The credential of a request's Authorization header and session cookie, or null if it has neither. */
export async function presentedCredential(
  authorization: string | undefined,
  sessionId: string | undefined,
): Promise<Presented | null> {
  if (authorization) {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1]
    if (!token?.startsWith(API_TOKEN_PREFIX)) return { credential: null, malformed: true }
    return { credential: { kind: 'token', hash: await sha256Hex(token) }, sessionId: null }
  }
  if (!sessionId) return null
  return { credential: { kind: 'session', hash: await sha256Hex(sessionId) }, sessionId }
}
