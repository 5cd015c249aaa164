import type { Db, Role } from '@aura/db'
import type { Config } from './config.ts'
import type { Logger } from './lib/logger.ts'

/** What the runtime entry (Node or Workers) hands to createApp. */
export interface Deps {
  db: Db
  config: Config
  logger: Logger
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

export interface AppEnv {
  Variables: {
    requestId: string
    log: Logger
    site: Site
    auth: Auth | null
  }
}
