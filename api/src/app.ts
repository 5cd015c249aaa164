// Builds the one Hono app both runtimes serve. Middleware order: request id + log → errors → site
// (tenant from host, cached) → authenticate (credential; confirmed by the database within the request) →
// rate limit (per-instance budgets reserved from Postgres) → routes, whose memberTx binds the tenant.
import type { Context } from 'hono'
import type { AppEnv, Deps } from './context.ts'
import { transportFromConfig } from './lib/email/transport.ts'
import { createRouter } from './lib/router.ts'
import { API_CSP, securityHeaders } from './lib/security-headers.ts'
import { authenticate } from './middleware/auth.ts'
import { dispatchInBackground } from './middleware/dispatch-in-background.ts'
import { onError, onNotFound } from './middleware/errors.ts'
import { rateLimit } from './middleware/rate-limit.ts'
import { ChunkedRateLimitStore, PostgresRateLimitStore } from './middleware/rate-limit-store.ts'
import { DEFAULT_BODY_LIMIT, readBody } from './middleware/read-body.ts'
import { requestLog } from './middleware/request-log.ts'
import { shedLoad } from './middleware/shed-load.ts'
import { site } from './middleware/site.ts'
import { activityRoutes } from './routes/activities/activities.index.ts'
import { auditLogRoutes } from './routes/audit-log/audit-log.index.ts'
import { authRoutes } from './routes/auth/auth.index.ts'
import { recoveryRoutes } from './routes/auth-recovery/recovery.index.ts'
import { contactRoutes } from './routes/contacts/contacts.index.ts'
import { contactsBulkRoutes } from './routes/contacts-bulk/contacts-bulk.index.ts'
import { customFieldRoutes } from './routes/custom-fields/custom-fields.index.ts'
import { dealRoutes } from './routes/deals/deals.index.ts'
import { dealsBulkRoutes } from './routes/deals-bulk/deals-bulk.index.ts'
import { registerOpenApi } from './routes/docs/openapi.ts'
import { duplicateRoutes } from './routes/duplicates/duplicates.index.ts'
import { exportRoutes } from './routes/export/export.index.ts'
import { healthRoutes } from './routes/health/health.index.ts'
import { IMPORT_UPLOAD_PATH, importRoutes } from './routes/imports/imports.index.ts'
import { insightRoutes } from './routes/insight/insight.index.ts'
import { invitationsRoutes } from './routes/invitations/invitations.index.ts'
import { lineItemsRoutes } from './routes/line-items/line-items.index.ts'
import { localOutboxRoutes } from './routes/local-outbox/local-outbox.index.ts'
import { notificationRoutes } from './routes/notifications/notifications.index.ts'
import { organizationRoutes } from './routes/organizations/organizations.index.ts'
import { pipelineSummaryRoutes } from './routes/pipeline-summary/pipeline-summary.index.ts'
import { platformRoutes } from './routes/platform/platform.index.ts'
import { privacyRoutes } from './routes/privacy/privacy.index.ts'
import { processRoutes } from './routes/processes/processes.index.ts'
import { productsRoutes } from './routes/products/products.index.ts'
import { savedViewRoutes } from './routes/saved-views/saved-views.index.ts'
import { searchRoutes } from './routes/search/search.index.ts'
import { taskRoutes } from './routes/tasks/tasks.index.ts'
import { tokenRoutes } from './routes/tokens/tokens.index.ts'
import { usersRoutes } from './routes/users/users.index.ts'
import { workspaceRoutes } from './routes/workspace/workspace.index.ts'
import {
  RESTORE_ARCHIVE_PATH,
  workspaceArchiveRoutes,
} from './routes/workspace-archive/workspace-archive.index.ts'
import { createLucia } from './services/auth/lucia.ts'
import { IMPORT_LIMITS } from './services/imports/create-import.ts'

export type { Deps } from './context.ts'

export function createApp(deps: Deps) {
  const app = createRouter()
  // Outermost, so every answer carries them: refusals, errors and load shedding included (ADR 0146).
  app.use('*', securityHeaders(API_CSP))
  // First of all: an overloaded Node process answers 503 at once, before any logging or database work.
  if (deps.load) app.use('/api/*', shedLoad(deps.load))
  app.use('*', requestLog(deps))
  app.use('/api/*', async (c, next) => {
    c.set('deps', deps)
    await next()
  })
  app.onError(onError)
  app.notFound(onNotFound)
  const lucia = createLucia(deps.db, deps.config.cookieSecure)
  const rateLimits = new ChunkedRateLimitStore(new PostgresRateLimitStore(deps.db))
  // A GET whose cached identity proved outdated is answered again, reading the credential first.
  const answerAgain = async (c: Context<AppEnv>) => {
    const aura = {
      clientIp: c.env?.aura?.clientIp ?? null,
      countsTowardUserLimit: false,
      freshIdentity: true,
    }
    return app.fetch(new Request(c.req.raw), { ...c.env, aura }, executionContextOf(c))
  }
  app.use('/api/*', site(deps), authenticate(deps, lucia, answerAgain), rateLimit(deps, rateLimits))
  // Every body read once, within its limit (413) and as UTF-8 (400); the archive restore reads its own,
  // larger body after its guards (admin, step-up).
  const defaultBody = readBody(DEFAULT_BODY_LIMIT)
  const importBody = readBody(IMPORT_LIMITS.bytes, 'At most 20 MB: split the file')
  app.use('/api/*', (c, next) =>
    c.req.path === RESTORE_ARCHIVE_PATH
      ? next()
      : c.req.path === IMPORT_UPLOAD_PATH && c.req.method === 'POST'
        ? importBody(c, next)
        : defaultBody(c, next),
  )
  app.use('/api/*', dispatchInBackground(deps, transportFromConfig(deps.config, deps.logger)))

  const v1 = createRouter()
    .route('/', healthRoutes(deps))
    .route('/', authRoutes(deps, lucia))
    .route('/', platformRoutes(deps))
    .route('/', workspaceRoutes(deps))
    .route('/', usersRoutes(deps))
    .route('/', invitationsRoutes(deps, lucia))
    .route('/', auditLogRoutes(deps))
    .route('/', processRoutes(deps))
    .route('/', dealsBulkRoutes(deps))
    .route('/', dealRoutes(deps))
    .route('/', pipelineSummaryRoutes(deps))
    .route('/', insightRoutes(deps))
    .route('/', organizationRoutes(deps))
    .route('/', contactsBulkRoutes(deps))
    .route('/', contactRoutes(deps))
    .route('/', searchRoutes(deps))
    .route('/', savedViewRoutes(deps))
    .route('/', activityRoutes(deps))
    .route('/', taskRoutes(deps))
    .route('/', importRoutes(deps))
    .route('/', notificationRoutes(deps))
    .route('/', customFieldRoutes(deps))
    .route('/', recoveryRoutes(deps, lucia))
    .route('/', tokenRoutes(deps))
    .route('/', localOutboxRoutes(deps))
    .route('/', productsRoutes(deps))
    .route('/', lineItemsRoutes(deps))
    .route('/', exportRoutes(deps))
    .route('/', workspaceArchiveRoutes(deps))
    .route('/', privacyRoutes(deps))
    .route('/', duplicateRoutes(deps))
  registerOpenApi(v1)
  // The reference page is the web app's (/api-reference, ADR 0162): Swagger UI is a static asset there, and
  // the Worker serves the API alone. The old address keeps working.
  app.get('/api/docs', (c) => c.redirect('/api-reference'))
  return app.route('/api/v1', v1)
}

export type AppType = ReturnType<typeof createApp>

/** Workers have an execution context; Node has none (Hono throws on access). */
function executionContextOf(c: Context<AppEnv>) {
  try {
    return c.executionCtx
  } catch {
    return undefined
  }
}
