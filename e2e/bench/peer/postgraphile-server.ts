// The peer: PostGraphile 5 (5.0.0-rc.3, the newest on Node 20) on Aura's own database, as a performance
// reviewer would set it up. Same schema and RLS: every request runs as crm_app with the app.* settings the
// API binds, taken from request headers (x-tenant-id, x-user-id, x-role: a stand-in for a verified JWT,
// so the peer does no credential work at all). Started by the benchmark as a child process (its own RSS).
// Env: DATABASE_URL, PORT, BENCH_POOL (pool size, the same as the API's).
import { createServer, type IncomingMessage } from 'node:http'
import pg from 'pg'
import { postgraphile } from 'postgraphile'
import { makePgService } from 'postgraphile/adaptors/pg'
import { grafserv } from 'postgraphile/grafserv/node'
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber'
import { searchContactsPlugin } from './search-plugin.ts'

const port = Number(process.env.PORT ?? 4502)
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.BENCH_POOL ?? 10),
})
// A dropped connection would otherwise crash the peer mid-run.
pool.on('error', () => undefined)

const header = (req: IncomingMessage | undefined, name: string) => {
  const value = req?.headers[name]
  return typeof value === 'string' ? value : undefined
}

const preset: GraphileConfig.Preset = {
  extends: [PostGraphileAmberPreset],
  plugins: [searchContactsPlugin],
  // Without this, PostGraphile hides ordering and conditions on columns that do not lead an index; every
  // Aura index leads with tenant_id, so nothing but tenant_id would be orderable or filterable.
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  // Aura's indexes are `desc nulls last` (drizzle-kit's form); PostGraphile's default DESC is nulls first,
  // which no index serves (it would sort the whole tenant per page). A deployer matches the setting to the
  // indexes; the rows are the same either way (the ordered columns are NOT NULL).
  schema: { pgOrderByNullsLast: true },
  pgServices: [makePgService({ pool, schemas: ['public'] })],
  grafast: {
    explain: false,
    context: (requestContext) => {
      const req = requestContext.node?.req
      return {
        pgSettings: {
          role: 'crm_app',
          'app.current_tenant_id': header(req, 'x-tenant-id'),
          'app.current_user_id': header(req, 'x-user-id'),
          'app.current_role': header(req, 'x-role'),
        },
      }
    },
  },
  grafserv: { port, host: '127.0.0.1', graphiql: false, watch: false, maxRequestLength: 1_000_000 },
}

const pgl = postgraphile(preset)
const serv = pgl.createServ(grafserv)
const server = createServer()
server.on('error', (error) => {
  process.stderr.write(`peer server error: ${String(error)}\n`)
})
Promise.resolve(serv.addTo(server)).then(
  () =>
    server.listen(port, '127.0.0.1', () => {
      process.stdout.write(`ready ${port}\n`)
    }),
  (error: unknown) => {
    process.stderr.write(`peer failed to start: ${String(error)}\n`)
    process.exit(1)
  },
)

const stop = () => {
  server.close()
  void Promise.resolve(pgl.release())
    .then(() => pool.end())
    .finally(() => process.exit(0))
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
