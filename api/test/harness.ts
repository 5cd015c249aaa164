// An API on a real test database, driven in-process through app.request with full tenant URLs
// (Hono reads the host from the URL; a Host header alone would be ignored).
import type { Connection } from '@aura/db/connect'
import { testDb } from '@aura/db/test/db'
import { createApp } from '../src/app.ts'
import { parseConfig } from '../src/config.ts'
import { createLogger } from '../src/lib/logger.ts'

/**
 * `env` overrides configuration, e.g. higher rate limits for suites that send hundreds of requests;
 * `on` is a migrated connection of the test's own (default: the run's test database).
 */
export async function createTestApi(env: Record<string, string> = {}, on?: Connection) {
  const conn = on ?? (await testDb())
  const logLines: string[] = []
  const config = parseConfig({ NODE_ENV: 'test', ROOT_DOMAIN: 'aura.test', LOG_LEVEL: 'debug', ...env })
  const logger = createLogger('debug', {}, (line) => logLines.push(line))
  const app = createApp({ db: conn.db, config, logger })
  const url = (host: string, path: string) =>
    `http://${host === 'root' ? config.ROOT_DOMAIN : `${host}.${config.ROOT_DOMAIN}`}/api/v1${path}`
  return {
    app,
    db: conn.db,
    conn,
    logLines,
    /** `host` is a tenant slug, or 'root' for the bare root domain; `clientIp` as the runtime would tell it. */
    request: (host: string, path: string, init?: RequestInit, clientIp?: string) =>
      app.request(
        url(host, path),
        init,
        clientIp ? { aura: { clientIp, countsTowardUserLimit: true } } : undefined,
      ),
    close: () => conn.close(),
  }
}

/** The newest email queued for an address, read as the dispatcher would (the privileged path). */
export async function lastEmailTo(db: import('@aura/db').Db, to: string) {
  const { schema, withPlatform } = await import('@aura/db')
  const { desc, eq } = await import('drizzle-orm')
  const [row] = await withPlatform(db, 'email-dispatch', (tx) =>
    tx
      .select()
      .from(schema.emailOutbox)
      .where(eq(schema.emailOutbox.toAddress, to))
      .orderBy(desc(schema.emailOutbox.createdAt))
      .limit(1),
  )
  return row
}

/** The first link in an email's text body. */
export function linkIn(text: string | undefined): URL {
  const match = text?.match(/https?:\/\/\S+/)
  if (!match) throw new Error('no link in email')
  return new URL(match[0])
}

export const jsonBody = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})

/** The session cookie from a response, ready for a Cookie header. */
export function sessionCookie(res: Response): string {
  const set = res.headers.getSetCookie().find((c) => c.startsWith('aura_session='))
  if (!set) throw new Error('no session cookie set')
  return set.split(';')[0] as string
}
