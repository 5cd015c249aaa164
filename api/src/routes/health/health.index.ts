import { sql } from 'drizzle-orm'
import type { Deps } from '../../context.ts'
import { noteDatabaseDown, noteDatabaseUp } from '../../lib/db-availability.ts'
import { databaseTrouble } from '../../lib/db-errors.ts'
import { createRouter } from '../../lib/router.ts'
import { getHealth } from './health.routes.ts'

export const healthRoutes = (deps: Deps) =>
  createRouter().openapi(getHealth, async (c) => {
    const started = performance.now()
    try {
      await deps.db.execute(sql`select 1`)
      const databaseMs = Math.round((performance.now() - started) * 10) / 10
      noteDatabaseUp(c.get('log'))
      return c.json({ status: 'ok' as const, database: 'up' as const, databaseMs }, 200)
    } catch (err) {
      noteDatabaseDown(c.get('log'), databaseTrouble(err) ?? 'error', (err as Error).name)
      c.header('Retry-After', '5')
      return c.json({ status: 'degraded' as const, database: 'down' as const, databaseMs: null }, 503)
    }
  })
