// Fixed-window counters that every stateless API instance shares (NFR-S7). Postgres today; the Workers
// rate-limit binding can implement the same interface later.
import { type Db, schema, withPlatform } from '@aura/db'
import { lt, sql } from 'drizzle-orm'

export interface RateLimitHit {
  /** Requests counted in this window, including this one. */
  count: number
  /** When the window ends and the count starts again. */
  resetAt: Date
}

export interface RateLimitStore {
  /** Counts one request for each key in the window containing `now`. */
  hit(keys: readonly string[], windowMs: number, now: Date): Promise<RateLimitHit[]>
}

const PRUNE_CHANCE = 0.01

export class PostgresRateLimitStore implements RateLimitStore {
  constructor(
    private readonly db: Db,
    private readonly random: () => number = Math.random,
  ) {}

  async hit(keys: readonly string[], windowMs: number, now: Date): Promise<RateLimitHit[]> {
    const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs)
    const resetAt = new Date(windowStart.getTime() + windowMs)
    const c = schema.rateLimitCounters
    return withPlatform(this.db, 'rate-limit', async (tx) => {
      const hits: RateLimitHit[] = []
      for (const key of keys) {
        const [row] = await tx
          .insert(c)
          .values({ key, windowStart, count: 1 })
          .onConflictDoUpdate({ target: [c.key, c.windowStart], set: { count: sql`${c.count} + 1` } })
          .returning({ count: c.count })
        hits.push({ count: row?.count ?? 1, resetAt })
      }
      // Old windows are pruned opportunistically (about one request in a hundred), not by a cron job.
      if (this.random() < PRUNE_CHANCE) await tx.delete(c).where(lt(c.windowStart, windowStart))
      return hits
    })
  }

  /** Deletes every window that ended before `before`. */
  async prune(before: Date): Promise<void> {
    const c = schema.rateLimitCounters
    await withPlatform(this.db, 'rate-limit', (tx) => tx.delete(c).where(lt(c.windowStart, before)))
  }
}
