// The one-origin server: `/api/*` goes to the API app, built assets are served from disk, everything
// else is rendered by Remix. Shared by main.ts (production build) and dev.ts (Vite).
import { securityHeaders } from '@aura/api/lib/security-headers'
import type { NodeApi } from '@aura/api/node'
import { getConnInfo } from '@hono/node-server/conninfo'
import { serveStatic } from '@hono/node-server/serve-static'
import { createRequestHandler, type ServerBuild } from '@remix-run/node'
import { type Context, Hono } from 'hono'
import { compress } from 'hono/compress'
import type { SecureHeadersVariables } from 'hono/secure-headers'
import { pageAdmission } from './admission.ts'
import { loadContextFor } from './context.ts'
import { refuseCrossOriginForms } from './cross-origin-forms.ts'
import { pageCsp } from './page-csp.ts'

export interface WebServerOptions {
  api: NodeApi
  build: ServerBuild | (() => Promise<ServerBuild>)
  mode: 'production' | 'development'
  /** web/build/client in production; in dev Vite serves assets itself. */
  clientDir?: string
}

export function createWebServer({ api, build, mode, clientDir }: WebServerOptions) {
  const app = new Hono<{ Variables: SecureHeadersVariables }>()
  // Outermost: every page, asset, download and error carries them. The API's answers keep the API's own.
  app.use('*', securityHeaders(pageCsp(mode)))
  // Pages are server-rendered HTML (a board of 10k deals is ~300 KB raw, ~20 KB gzipped): on a phone's
  // connection the bytes are the cost, so everything text-like is compressed.
  app.use('*', compress())
  app.all('/api/*', (c) =>
    api.app.fetch(c.req.raw, { aura: { clientIp: clientIp(c), countsTowardUserLimit: true } }),
  )

  if (clientDir) {
    // File names under /assets carry a content hash, so they never change: cache them for a year.
    app.use(
      '/assets/*',
      serveStatic({
        root: clientDir,
        onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
      }),
    )
    app.use(
      '*',
      serveStatic({
        root: clientDir,
        onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=3600'),
      }),
    )
  }

  app.use('*', refuseCrossOriginForms)
  const handle = createRequestHandler(build, mode)
  const contextFor = loadContextFor(api)
  const admit = pageAdmission(api.load)
  app.all('*', (c) =>
    admit(() => handle(c.req.raw, contextFor(c.req.raw, clientIp(c), c.get('secureHeadersNonce')))),
  )
  return app
}

/** The client as this server's socket sees it; the only address the API trusts (no forwarded headers). */
function clientIp(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null
  } catch {
    return null
  }
}
