import type { Server } from 'node:http'
import type { Logger } from '@aura/api/lib/logger'

/** Stops accepting requests, lets in-flight ones finish (up to 5 s), then closes the rest (DB, Vite). */
export function closeOnSignals(server: Server, log: Logger, closers: (() => Promise<unknown>)[]) {
  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    log.info('shutting down', { signal })
    const force = setTimeout(() => server.closeAllConnections(), 5_000).unref()
    await new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeIdleConnections()
    })
    clearTimeout(force)
    for (const close of closers)
      await close().catch((err: Error) => log.error('close failed', { error: err.name }))
    log.info('stopped')
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
}

/** The URLs a person can open: the public site and the demo workspace. */
export function servedUrls(port: number, rootDomain: string) {
  return { root: `http://${rootDomain}:${port}`, demo: `http://demo.${rootDomain}:${port}` }
}
