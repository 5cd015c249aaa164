// NFR-S7: 100 requests a minute per signed-in user; per client IP on the auth endpoints a stranger can
// call, stricter for login and password reset. Runs after authenticate, so the user is known. Every
// limited response carries RateLimit-* headers; a refused one is a 429 problem with Retry-After. The
// counting (ADR 0111) hands out slots this instance reserved from Postgres in chunks.
import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { AppEnv, Deps } from '../context.ts'
import { AppError } from '../lib/problem.ts'
import type { RateLimitHit, RateLimitRule, RateLimitStore } from './rate-limit-store.ts'

const WINDOW_MS = 60_000

type Rule = RateLimitRule

/**
 * The client address as the runtime entry saw it (never a request header: X-Forwarded-For and
 * cf-connecting-ip are forgeable on Node, and rotating them would reset the limits). Null when the entry
 * gave none: per-IP rules then do not apply, but per-user limits still do.
 */
/** The invitation page's anonymous calls (the emailed token is the credential): limited per IP like login. */
const ANONYMOUS_INVITATION_PATHS = new Set(['/invitations/accept', '/invitations/preview'])

export function clientIp(c: Context<AppEnv>): string | null {
  return c.env?.aura?.clientIp ?? null
}

function rulesFor(c: Context<AppEnv>, deps: Deps): Rule[] {
  const { config } = deps
  const rules: Rule[] = []
  const path = c.req.path.replace(/^\/api\/v1/, '')
  const ip = clientIp(c)
  const auth = c.get('auth')
  if (ip && c.req.method === 'POST') {
    if (path === '/auth/login')
      rules.push({ key: `ip:${ip}:login`, limit: config.RATE_LIMIT_LOGIN_PER_MINUTE })
    else if (path.startsWith('/auth/password-reset'))
      rules.push({ key: `ip:${ip}:reset`, limit: config.RATE_LIMIT_RESET_PER_MINUTE })
    else if (!auth && (path.startsWith('/auth/') || ANONYMOUS_INVITATION_PATHS.has(path)))
      rules.push({ key: `ip:${ip}:auth`, limit: config.RATE_LIMIT_AUTH_IP_PER_MINUTE })
  }
  if (auth && c.env?.aura?.countsTowardUserLimit !== false) {
    rules.push({ key: `user:${auth.userId}`, limit: config.RATE_LIMIT_USER_PER_MINUTE })
  }
  return rules
}

export const rateLimit = (deps: Deps, store: RateLimitStore) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const rules = rulesFor(c, deps)
    if (rules.length === 0) return next()
    const now = new Date()
    const hits = await store.hit(rules, WINDOW_MS, now)
    // The tightest rule speaks for the response.
    let tightest = { rule: rules[0] as Rule, hit: hits[0] as RateLimitHit }
    rules.forEach((rule, i) => {
      const hit = hits[i] as RateLimitHit
      if (rule.limit - hit.count < tightest.rule.limit - tightest.hit.count) tightest = { rule, hit }
    })
    const { rule, hit } = tightest
    const resetSeconds = Math.max(1, Math.ceil((hit.resetAt.getTime() - now.getTime()) / 1000))
    const headers = {
      'RateLimit-Limit': String(rule.limit),
      'RateLimit-Remaining': String(Math.max(0, rule.limit - hit.count)),
      'RateLimit-Reset': String(resetSeconds),
    }
    if (hits.some((h) => !h.allowed)) {
      c.get('log').warn('rate limited', { rule: rule.key.split(':')[0], limit: rule.limit })
      throw new AppError('rate_limited', 'Too many requests; try again shortly', {
        headers: { ...headers, 'Retry-After': String(resetSeconds) },
      })
    }
    await next()
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value)
  })
