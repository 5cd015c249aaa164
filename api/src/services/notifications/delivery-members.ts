// The scheduled delivery jobs (ADR 0171) find the members they must act for across workspaces through the
// platform path ('notification-delivery': a few columns, nothing written), then act for each member in a
// tenant transaction bound as that member, so everything they read and claim is what the member's own
// policies allow: a digest never lists, nor a reminder names, a record the member may not see.
import { type Db, type Role, type Tx, withTenant } from '@aura/db'
import type { Actor } from '../../lib/actor.ts'

/** A member the job acts for, and where their workspace lives. */
export interface DeliveryMember {
  tenantId: string
  userId: string
  role: Role
  slug: string
}

/** The origin of a workspace, from its slug: decided by the runtime that knows its public address. */
export type OriginOf = (slug: string) => string

/** Runs fn as the member (their tenant, user and role bound), with an Actor carrying their workspace origin. */
export function asMember<T>(
  db: Db,
  m: DeliveryMember,
  originOf: OriginOf | undefined,
  job: string,
  fn: (tx: Tx, actor: Actor) => Promise<T>,
): Promise<T> {
  const actor: Actor = {
    tenantId: m.tenantId,
    userId: m.userId,
    role: m.role,
    requestId: job,
    ...(originOf ? { origin: originOf(m.slug) } : {}),
  }
  return withTenant(db, actor, (tx) => fn(tx, actor))
}

/** https://<slug>.<root>, or http on a localhost root (with the local server's port when given). */
export function workspaceOrigins(rootDomain: string, localPort?: string | number): OriginOf {
  const local = rootDomain === 'localhost' || rootDomain.endsWith('.localhost')
  const port = local && localPort ? `:${localPort}` : ''
  return (slug) => `${local ? 'http' : 'https'}://${slug}.${rootDomain}${port}`
}
