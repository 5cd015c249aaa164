import type { Db } from '@aura/db'
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

export interface AppEnv {
  Variables: {
    requestId: string
    log: Logger
    site: Site
  }
}
