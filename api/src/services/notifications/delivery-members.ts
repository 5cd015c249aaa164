// The scheduled delivery jobs (ADR 0171) find the members they must act for across workspaces through the
// platform path ('notification-delivery': a few columns, nothing written), then act for each member in a
// tenant transaction bound as that member, so everything they read and claim is what the member's own
// policies allow: a digest never lists, nor a reminder names, a record the member may not see.
import { type Db, type Role, type Tx, withTenant } from '@aura/db'
import type { Actor } from '../../lib/actor.ts'
import type { Logger } from '../../lib/logger.ts'

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

/**
 * Runs fn as each member in turn, each in a transaction of its own: a member whose work fails is logged (ids
 * only) and counted, and the others go on; the failed one is tried again on the next run.
 */
export async function asEachMember<M extends DeliveryMember, T>(
  db: Db,
  members: M[],
  job: string,
  opts: { originOf?: OriginOf | undefined; logger?: Logger | undefined },
  fn: (tx: Tx, actor: Actor, member: M) => Promise<T>,
): Promise<{ results: T[]; failed: number }> {
  const results: T[] = []
  let failed = 0
  for (const m of members) {
    try {
      results.push(await asMember(db, m, opts.originOf, job, (tx, actor) => fn(tx, actor, m)))
    } catch (err) {
      failed++
      opts.logger?.error(`${job} failed for a member`, {
        tenantId: m.tenantId,
        userId: m.userId,
        error: (err as Error).name,
      })
    }
  }
  return { results, failed }
}

/** https://<slug>.<root>, or http on a localhost root (with the local server's port when given). */
export function workspaceOrigins(rootDomain: string, localPort?: string | number): OriginOf {
  const local = rootDomain === 'localhost' || rootDomain.endsWith('.localhost')
  const port = local && localPort ? `:${localPort}` : ''
  return (slug) => `${local ? 'http' : 'https'}://${slug}.${rootDomain}${port}`
}
