// An API on a real test database, driven in-process through app.request with full tenant URLs
// (Hono reads the host from the URL; a Host header alone would be ignored).
import { testDb } from '@aura/db/test/db'
import { createApp } from '../src/app.ts'
import { parseConfig } from '../src/config.ts'
import { createLogger } from '../src/lib/logger.ts'

export async function createTestApi() {
  const conn = await testDb()
  const logLines: string[] = []
  const config = parseConfig({ NODE_ENV: 'test', ROOT_DOMAIN: 'aura.test', LOG_LEVEL: 'debug' })
  const logger = createLogger('debug', {}, (line) => logLines.push(line))
  const app = createApp({ db: conn.db, config, logger })
  const url = (host: string, path: string) =>
    `http://${host === 'root' ? config.ROOT_DOMAIN : `${host}.${config.ROOT_DOMAIN}`}/api/v1${path}`
  return {
    app,
    db: conn.db,
    conn,
    logLines,
    /** `host` is a tenant slug, or 'root' for the bare root domain. */
    request: (host: string, path: string, init?: RequestInit) => app.request(url(host, path), init),
    close: () => conn.close(),
  }
}
