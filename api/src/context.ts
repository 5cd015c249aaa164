import type { Db, Role } from '@aura/db'
import type { Config } from './config.ts'
import type { Logger } from './lib/logger.ts'
import type { LoadGauge } from './middleware/shed-load.ts'

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
}

export interface AppEnv {
  Bindings: { aura?: CallerFacts }
  Variables: {
    requestId: string
    log: Logger
    site: Site
    auth: Auth | null
  }
}
