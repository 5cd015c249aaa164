// Builds the one Hono app both runtimes serve. Middleware order: request id + log → errors → site
// (tenant from host) → routes. Later layers (auth, RBAC, rate limit, withTenant) slot in after `site`.
import type { Deps } from './context.ts'
import { onError, onNotFound } from './middleware/errors.ts'
import { requestLog } from './middleware/request-log.ts'
import { site } from './middleware/site.ts'
import { createRouter } from './lib/router.ts'
import { healthRoutes } from './routes/health/health.index.ts'

export type { Deps } from './context.ts'

export function createApp(deps: Deps) {
  const app = createRouter()
  app.use('*', requestLog(deps))
  app.onError(onError)
  app.notFound(onNotFound)
  app.use('/api/*', site(deps))

  const v1 = createRouter().route('/', healthRoutes(deps))
  return app.route('/api/v1', v1)
}

export type AppType = ReturnType<typeof createApp>
