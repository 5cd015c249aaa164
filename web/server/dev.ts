// `npm run dev`: the same one-origin composition as main.ts, with Vite in middleware mode instead of
// the production build, so routes and styles hot-reload. The API reloads on restart (tsx is not a watcher).
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import { getRequestListener } from '@hono/node-server'
import type { ServerBuild } from '@remix-run/node'
import { createServer as createViteServer } from 'vite'
import { createWebServer } from './app.ts'
import { bootApi } from './boot.ts'
import { closeOnSignals, servedUrls } from './lifecycle.ts'

const port = Number(process.env.PORT ?? 3000)
// Development shows its emails at /outbox, like the local demo (ADR 0149).
const api = await bootApi({ LOCAL_OUTBOX: '1', ...process.env })
const log = api.logger.child({ layer: 'server' })

const server = createServer()
const sigtermBefore = new Set(process.listeners('SIGTERM'))
const stdinEndBefore = new Set(process.stdin.listeners('end'))
const vite = await createViteServer({
  configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
  // HMR shares this server's port instead of opening a second one.
  server: { middlewareMode: true, hmr: { server } },
})
// Remix's plugin starts a child Vite server whose SIGTERM handler exits the process at once, before
// the database is closed; our own shutdown (below) closes Vite, the API and the DB in order.
for (const listener of process.listeners('SIGTERM')) {
  if (!sigtermBefore.has(listener)) process.off('SIGTERM', listener)
}
for (const listener of process.stdin.listeners('end')) {
  if (!stdinEndBefore.has(listener)) process.stdin.off('end', listener as () => void)
}
const app = createWebServer({
  api,
  build: () => vite.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>,
  mode: 'development',
})
const honoListener = getRequestListener(app.fetch)
server.on('request', (req, res) => {
  // The API never needs Vite; everything else tries Vite's modules and assets first, then Remix.
  if (req.url?.startsWith('/api/')) return void honoListener(req, res)
  vite.middlewares(req, res, () => void honoListener(req, res))
})
server.listen(port, () => {
  const urls = servedUrls(port, api.config.ROOT_DOMAIN)
  log.info('Aura dev server is ready', { ...urls, readyMs: Math.round(performance.now()) })
})
closeOnSignals(server, log, [() => vite.close(), () => api.close()])
