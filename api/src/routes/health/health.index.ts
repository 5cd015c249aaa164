import { sql } from 'drizzle-orm'
import type { Deps } from '../../context.ts'
import { createRouter } from '../../lib/router.ts'
import { getHealth } from './health.routes.ts'

export const healthRoutes = (deps: Deps) =>
  createRouter().openapi(getHealth, async (c) => {
    const started = performance.now()
    try {
      await deps.db.execute(sql`select 1`)
      const databaseMs = Math.round((performance.now() - started) * 10) / 10
      return c.json({ status: 'ok' as const, database: 'up' as const, databaseMs }, 200)
    } catch (err) {
      c.get('log').error('health: database unreachable', { error: (err as Error).name })
      return c.json({ status: 'degraded' as const, database: 'down' as const, databaseMs: null }, 503)
    }
  })
