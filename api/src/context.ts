import type { Db, Role } from '@aura/db'
import type { Config } from './config.ts'
import type { IdentityProof } from './lib/identity-proof.ts'
import type { LoadGauge } from './lib/load-gauge.ts'
import type { Logger } from './lib/logger.ts'
import type { SharedTx } from './lib/shared-tx.ts'

/** What the runtime entry (Node or Workers) hands to createApp. */
export interface Deps {
  db: Db
  config: Config
  logger: Logger
  /** Node only: refuse API requests with 503 + Retry-After beyond a number in flight (shed-load.ts). */
  load?: LoadGauge
}

export interface TenantRef {
  id: string
  slug: string
  status: 'prospect' | 'pending' | 'active' | 'suspended' | 'deleted'
}

/** The root domain is the platform (public site, signup, console); a subdomain is a tenant workspace. */
export type Site = { kind: 'root' } | { kind: 'tenant'; tenant: TenantRef }

/** Who is calling, from a session cookie or a bearer API token; null when anonymous. */
export interface Auth {
  userId: string
  tenantId: string | null
  role: Role | null
  isPlatformAdmin: boolean
  via: 'session' | 'token'
  /** The raw session id (never logged): needed for logout and step-up. */
  sessionId: string | null
  elevatedUntil: Date | null
  /** How this request's credential is being proven (ADR 0110); absent on hand-built Auth values. */
  proof?: IdentityProof
}

/**
 * What the runtime entry knows about a request that the request itself cannot be trusted to say: the
 * client's address (the Node server's socket, Cloudflare's cf-connecting-ip on Workers) and whether
 * the call counts toward the caller's per-user rate limit. Passed as Hono's env, which no client can set.
 */
export interface CallerFacts {
  clientIp: string | null
  /** False for a page's second and later in-process API calls: a page view counts once. */
  countsTowardUserLimit: boolean
  /**
   * Set only by the API itself when it answers a GET again because its cached identity turned out to be
   * outdated (a role change): this time the credential is read from the database before the handler.
   */
  freshIdentity?: boolean
  /**
   * A page's in-process API call: the page itself was admitted by the server's load gauge (web/server),
   * so its calls are neither queued nor refused again. Refusing them would waste the page's work so far.
   */
  admitted?: boolean
}

export interface AppEnv {
  Bindings: { aura?: CallerFacts }
  Variables: {
    requestId: string
    log: Logger
    site: Site
    auth: Auth | null
    /** The runtime's deps, for middleware declared with a route (module constants cannot close over them). */
    deps: Deps
    /** Set while a keyed create runs: the tenant transaction its memberTx calls join (ADR 0130). */
    sharedTx: SharedTx | undefined
  }
}
