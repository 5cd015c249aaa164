// `npm start`: one process serving the web (production build) and the API on one origin. It listens at
// once and answers 503 + Retry-After while it boots, so a database that is down at start (Postgres
// restarting, Neon waking) is waited for with backoff instead of ending the process.
import { existsSync } from 'node:fs'
import type { Server } from 'node:http'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { NodeApi } from '@aura/api/node'
import { DataDirInUseError } from '@aura/db/pglite-owner'
import { serve } from '@hono/node-server'
import type { ServerBuild } from '@remix-run/node'
import { createWebServer } from './app.ts'
import { bootApi, bootLogger } from './boot.ts'
import { closeOnSignals, servedUrls } from './lifecycle.ts'
import { startingResponse } from './starting.ts'

// NODE_ENV as the operator set it decides what the API allows. Unset, this is a deployment (production),
// unless `npm start` enabled the local outbox, which only the local demo does (ADR 0149).
const apiEnv = {
  ...process.env,
  NODE_ENV: process.env.NODE_ENV ?? (process.env.LOCAL_OUTBOX === '1' ? 'development' : 'production'),
}
// Before the build (and React with it) loads: the production build wants production React.
process.env.NODE_ENV ??= 'production'

const SERVER_BUILD = fileURLToPath(new URL('../build/server/index.js', import.meta.url))
const CLIENT_DIR = fileURLToPath(new URL('../build/client', import.meta.url))

const port = Number(process.env.PORT ?? 3000)
const logger = bootLogger(process.env)
const log = logger.child({ layer: 'server' })
if (!existsSync(SERVER_BUILD)) {
  log.error('no web build: run `npm run build` (or `npm start`, which builds first)')
  process.exit(1)
}

let serveRequest: ReturnType<typeof createWebServer>['fetch'] | null = null
const server = serve({
  fetch: (request, env) => (serveRequest ? serveRequest(request, env) : startingResponse(request)),
  port,
}) as Server
const booting = new AbortController()
let api: NodeApi | undefined
closeOnSignals(server, log, [
  async () => {
    booting.abort()
    await api?.close()
  },
])

api = await bootApi(apiEnv, { logger, signal: booting.signal }).catch((err: Error) => {
  // Another process owns the embedded database: say so plainly instead of a stack trace.
  if (err instanceof DataDirInUseError) {
    process.stderr.write(`${err.message}\n`)
    process.exit(1)
  }
  throw err
})
const build = (await import(pathToFileURL(SERVER_BUILD).href)) as ServerBuild
serveRequest = createWebServer({ api, build, mode: 'production', clientDir: CLIENT_DIR }).fetch
// performance.now() counts from process start, so this is the whole boot: DB, migrations, seed, build.
const urls = servedUrls(port, api.config.ROOT_DOMAIN)
log.info('Aura is ready', {
  ...urls,
  api: `${urls.root}/api/v1/health`,
  readyMs: Math.round(performance.now()),
})
