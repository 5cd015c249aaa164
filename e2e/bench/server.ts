// The API alone on Node for the benchmark: createNodeApi (node-postgres pool) served by @hono/node-server
// on loopback. Started by run.ts as a child process so its peak memory (VmHWM) is the API's own.
// Env: DATABASE_URL, PORT, BENCH_POOL (pool size), plus the API's own configuration.
import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import { createNodeApi } from '../../api/src/node.ts'

const port = Number(process.env.PORT ?? 8787)
const api = await createNodeApi(process.env, { max: Number(process.env.BENCH_POOL ?? 10) })
const server = serve({ fetch: api.app.fetch, port, hostname: '127.0.0.1' }, () => {
  process.stdout.write(`ready ${port}\n`)
}) as Server
const stop = () => {
  server.close()
  void api.close().finally(() => process.exit(0))
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
