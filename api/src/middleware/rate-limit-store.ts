// Fixed-window request counters that every stateless API instance shares (NFR-S7, ADR 0111). Postgres
// holds one counter per key and window; an instance does not add 1 to it per request but reserves a
// chunk of slots at a time and hands them out from memory, so a user's requests write once per chunk
// and never wait on each other for the counter row.
import { type Db, schema, withPlatform } from '@aura/db'
import { lt, sql } from 'drizzle-orm'

export interface RateLimitRule {
  key: string
  /** Requests allowed per window. */
  limit: number
}

export interface RateLimitHit {
  /** Whether this request may proceed under the rule. */
  allowed: boolean
  /** Requests counted in this window, including this one, as far as this instance knows. */
  count: number
  /** When the window ends and the count starts again. */
  resetAt: Date
}

export interface RateLimitStore {
  /** Takes one request's slot for each rule in the window containing `now`. */
  hit(rules: readonly RateLimitRule[], windowMs: number, now: Date): Promise<RateLimitHit[]>
}

const PRUNE_CHANCE = 0.01

/** The shared counters: each call adds `amount` to one key's window and returns the new total. */
export class PostgresRateLimitStore {
  constructor(
    private readonly db: Db,
    private readonly random: () => number = Math.random,
  ) {}

  async reserve(key: string, windowStart: Date, amount: number): Promise<number> {
    const c = schema.rateLimitCounters
    return withPlatform(this.db, 'rate-limit', async (tx) => {
      const [row] = await tx
        .insert(c)
        .values({ key, windowStart, count: amount })
        .onConflictDoUpdate({
          target: [c.key, c.windowStart],
          set: { count: sql`${c.count} + ${amount}` },
        })
        .returning({ count: c.count })
      // Old windows are pruned opportunistically (about one reservation in a hundred), not by a cron job.
      if (this.random() < PRUNE_CHANCE) await tx.delete(c).where(lt(c.windowStart, windowStart))
      return row?.count ?? amount
    })
  }

  /** Deletes every window that ended before `before`. */
  async prune(before: Date): Promise<void> {
    const c = schema.rateLimitCounters
    await withPlatform(this.db, 'rate-limit', (tx) => tx.delete(c).where(lt(c.windowStart, before)))
  }
}

/**
 * Slots per reservation: a tenth of the limit, 1 for the small per-IP limits (login 10, reset 5), at most
 * 100. With k instances a user is never allowed more than the limit in a window, and may be refused at
 * most (k − 1) × (chunk − 1) requests early (slots reserved on an instance they no longer reach).
 */
export const chunkFor = (limit: number) => Math.max(1, Math.min(100, Math.floor(limit / 10)))

interface Budget {
  windowStart: number
  /** Counter total after this instance's latest reservation, minus that reservation. */
  base: number
  /** Slots handed out since the latest reservation. */
  used: number
  /** Reserved slots not yet handed out. */
  left: number
  /** The shared counter reached the limit: refuse until the window ends, without asking again. */
  closed: boolean
  pending: Promise<void> | null
}

/** Keys held in memory at most (per-IP keys are unbounded under attack); ended windows go first. */
const MAX_BUDGETS = 50_000

/** A per-instance token bucket over the shared counters (ADR 0111). */
export class ChunkedRateLimitStore implements RateLimitStore {
  private readonly budgets = new Map<string, Budget>()

  constructor(private readonly shared: PostgresRateLimitStore) {}

  hit(rules: readonly RateLimitRule[], windowMs: number, now: Date): Promise<RateLimitHit[]> {
    const windowStart = Math.floor(now.getTime() / windowMs) * windowMs
    const resetAt = new Date(windowStart + windowMs)
    return Promise.all(rules.map(async (rule) => ({ ...(await this.take(rule, windowStart)), resetAt })))
  }

  private async take(rule: RateLimitRule, windowStart: number): Promise<{ allowed: boolean; count: number }> {
    const budget = this.budgetFor(rule.key, windowStart)
    for (;;) {
      if (budget.left > 0) {
        budget.left -= 1
        budget.used += 1
        return { allowed: true, count: budget.base + budget.used }
      }
      if (budget.closed) return { allowed: false, count: rule.limit + 1 }
      // One reservation at a time per key: concurrent requests wait for it rather than reserve again.
      budget.pending ??= this.reserve(rule, budget).finally(() => {
        budget.pending = null
      })
      await budget.pending
    }
  }

  private async reserve(rule: RateLimitRule, budget: Budget): Promise<void> {
    const chunk = chunkFor(rule.limit)
    const total = await this.shared.reserve(rule.key, new Date(budget.windowStart), chunk)
    const base = total - chunk
    // Never more than the limit across instances: slots past it are reserved but not handed out.
    const granted = Math.max(0, Math.min(chunk, rule.limit - base))
    budget.base = base
    budget.used = 0
    budget.left += granted
    if (granted < chunk) budget.closed = true
  }

  private budgetFor(key: string, windowStart: number): Budget {
    const found = this.budgets.get(key)
    if (found && found.windowStart === windowStart) return found
    if (this.budgets.size >= MAX_BUDGETS) this.dropEndedWindows(windowStart)
    const fresh: Budget = { windowStart, base: 0, used: 0, left: 0, closed: false, pending: null }
    this.budgets.set(key, fresh)
    return fresh
  }

  private dropEndedWindows(current: number) {
    for (const [key, b] of this.budgets) if (b.windowStart < current) this.budgets.delete(key)
    if (this.budgets.size >= MAX_BUDGETS) this.budgets.clear()
  }
}
