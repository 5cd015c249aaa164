// This instance's memory of who a credential belongs to (ADR 0110). It is a hint, never an authority: a GET
// may start on it, but the database confirms the credential inside the same request (the tenant
// transaction's binding statement, or one statement after the handler). So a cached entry can make a
// request cheaper, never let a revoked, expired or deactivated credential through.
import { type Credential, type CredentialFacts, type Db, identifyCredential } from '@aura/db'

/** Long enough to serve a working session from memory, short enough that idle credentials drop out. */
export const IDENTITY_HINT_TTL_MS = 5 * 60_000
/** Bounded memory per instance (a Worker isolate or a Node process). */
export const IDENTITY_HINT_MAX = 10_000

interface Entry {
  facts: CredentialFacts
  storedAt: number
}

export class IdentityHints {
  private readonly entries = new Map<string, Entry>()
  private readonly loading = new Map<string, Promise<CredentialFacts | null>>()

  constructor(private readonly now: () => number = Date.now) {}

  /** The remembered facts of a credential, if still fresh enough to start a request on. */
  peek(credential: Credential): CredentialFacts | null {
    const key = keyOf(credential)
    const entry = this.entries.get(key)
    if (!entry) return null
    if (this.now() - entry.storedAt > IDENTITY_HINT_TTL_MS) {
      this.entries.delete(key)
      return null
    }
    return entry.facts
  }

  /**
   * Reads the facts from the database (one statement). Concurrent cold lookups of one credential, such as
   * the parallel API calls of one web page, share a single read.
   */
  load(db: Db, credential: Credential): Promise<CredentialFacts | null> {
    const key = keyOf(credential)
    const pending = this.loading.get(key)
    if (pending) return pending
    const read = identifyCredential(db, credential)
      .then((facts) => {
        if (facts) this.remember(credential, facts)
        else this.entries.delete(key)
        return facts
      })
      .finally(() => this.loading.delete(key))
    this.loading.set(key, read)
    return read
  }

  remember(credential: Credential, facts: CredentialFacts): void {
    const key = keyOf(credential)
    this.entries.delete(key)
    if (this.entries.size >= IDENTITY_HINT_MAX) {
      // Maps iterate in insertion order: the first key is the least recently stored.
      const oldest = this.entries.keys().next().value
      if (oldest !== undefined) this.entries.delete(oldest)
    }
    this.entries.set(key, { facts, storedAt: this.now() })
  }

  /** Updates what the database just confirmed, keeping the entry's identity facts. */
  refresh(credential: Credential, update: Partial<CredentialFacts>): void {
    const entry = this.entries.get(keyOf(credential))
    if (entry) this.remember(credential, { ...entry.facts, ...update })
  }

  forget(credential: Credential): void {
    this.entries.delete(keyOf(credential))
  }
}

const keyOf = (c: Credential) => `${c.kind}:${c.hash}`

// One cache per database handle: per Node process, per Worker isolate (whose `db` is one stand-in object),
// and separate for the separate databases of tests.
const caches = new WeakMap<Db, IdentityHints>()

export function identityHints(db: Db): IdentityHints {
  let hints = caches.get(db)
  if (!hints) {
    hints = new IdentityHints()
    caches.set(db, hints)
  }
  return hints
}
