// npm run bench [-- --smoke]: the API on Node against Postgres, driven by wrk over loopback, beside the
// same SQL sent straight to Postgres by pgbench (same role, settings and transaction shape).
//   BENCH_DATABASE_URL  database with the generated gen-big tenant (default postgres://…/aura_bench);
//                       migrated first, generated (`--only big`) when the tenant is missing
//   BENCH_SECONDS       seconds per scenario (10; smoke 2)    BENCH_POOL  API pool size (10)
//   --smoke             a scratch database with a 2k-deal tenant, short runs, fewer scenarios (CI)
//   --no-bundle         skip the Workers bundle size
// Writes e2e/bench/results/<timestamp>.{json,md} (smoke: a temp directory).
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process'
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { request as httpRequest } from 'node:http'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Tx } from '@aura/db'
import { type Connection, connect } from '@aura/db/connect'
import { GENERATED_PASSWORD, generateData, type TenantSpec } from '@aura/db/seed/generate/index'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { listContacts } from '../../api/src/services/contacts/list-contacts.ts'
import { listDeals } from '../../api/src/services/deals/list-deals.ts'
import { summarizePipeline } from '../../api/src/services/deals/summarize-pipeline.ts'
import { listLineItems } from '../../api/src/services/line-items/list-line-items.ts'
import { boardCursor, ctxOf, type TenantFacts, tenantFacts } from '../../api/test/query-cases.ts'
import { type CapturedQuery, captureQueries, explain, inlineParams } from '../../api/test/query-plans.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const argv = process.argv.slice(2)
const SMOKE = argv.includes('--smoke')
const SECONDS = Number(process.env.BENCH_SECONDS ?? (SMOKE ? 2 : 10))
const CONNS = SMOKE ? 10 : 50
const HIGH = SMOKE ? 100 : 1000
const POOL = Number(process.env.BENCH_POOL ?? 10)
const PORT = 18000 + (process.pid % 1000)
const PGBENCH = process.env.PGBENCH ?? '/usr/lib/postgresql/15/bin/pgbench'
const out = (s: string) => process.stdout.write(`${s}\n`)

const SMOKE_TENANT: TenantSpec = {
  slug: 'bench-smoke',
  group: 'bench',
  users: 4,
  processes: 2,
  products: 20,
  organizations: 200,
  contacts: 1_000,
  deals: 1_000,
  defaultProcessShare: 0.7,
}

interface WrkResult {
  requests: number
  seconds: number
  rps: number
  /** Answers that were neither shed nor errors, per second. */
  okRps: number
  p50: number
  p95: number
  p99: number
  max: number
  /** 503 answers (load shed); wrk also counts them in errors.status. */
  shed: number
  errors: { connect: number; read: number; write: number; status: number; timeout: number }
}
interface RawResult {
  tps: number
  p50: number
  p95: number
  p99: number
  transactions: number
  failed: number
}
interface ScenarioResult {
  name: string
  kind: 'read' | 'write' | 'mixed'
  connections: number
  api: WrkResult
  raw?: RawResult
  ratio?: number
  /** list page 1 only: the whole request's SQL (platform transactions + tenant transaction) via pgbench. */
  rawRequestShaped?: RawResult
  peakRssMb: number
}

interface Req {
  method: 'GET' | 'POST'
  path: string
  body?: string
  weight?: number
}

// ---------------------------------------------------------------------------------------------------------
// Database: the benchmark tenant, migrated; smoke builds its own scratch database.

async function prepareDatabase(): Promise<{ url: string; slug: string; drop?: () => Promise<void> }> {
  if (!SMOKE) {
    const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/aura_bench'
    await ensureDatabase(url)
    const conn = await connect(url, { max: 2 })
    try {
      await conn.migrate()
      const found = await first<{ n: number }>(
        conn,
        sql`select count(*)::int as n from tenants where slug = 'gen-big'`,
      )
      if (!found.n) {
        out('gen-big missing: generating it (standard scale, --only big; several minutes)')
        await generateData(conn.db, { scale: 'standard', only: ['big'], indexes: 'keep', log: out })
      }
    } finally {
      await conn.close()
    }
    return { url, slug: 'gen-big' }
  }
  const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  const name = `aura_bench_smoke_${process.pid}`
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  await admin.query(`create database ${name}`)
  const url = new URL(base)
  url.pathname = `/${name}`
  const conn = await connect(url.toString(), { max: 2 })
  try {
    await conn.migrate()
    await generateData(conn.db, { tenants: [SMOKE_TENANT], seed: 7, indexes: 'rebuild' })
  } finally {
    await conn.close()
  }
  return {
    url: url.toString(),
    slug: SMOKE_TENANT.slug,
    drop: async () => {
      await admin.query(`drop database if exists ${name} with (force)`)
      await admin.end()
    },
  }
}

async function ensureDatabase(url: string) {
  const u = new URL(url)
  const name = u.pathname.slice(1)
  u.pathname = '/postgres'
  const admin = new pg.Client({ connectionString: u.toString() })
  await admin.connect()
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name])
    if (!rowCount) await admin.query(`create database "${name.replaceAll('"', '')}"`)
  } finally {
    await admin.end()
  }
}

async function first<T>(conn: Connection, query: ReturnType<typeof sql>): Promise<T> {
  const result = (await conn.db.execute(query)) as unknown as { rows: T[] }
  return result.rows[0] as T
}
async function all<T>(conn: Connection, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await conn.db.execute(query)) as unknown as { rows: T[] }).rows
}

// ---------------------------------------------------------------------------------------------------------
// The API in a child process, and a session cookie for the tenant's manager.

/**
 * The child's stdout and stderr go to a file: the runner blocks in wrk and pgbench for seconds at a time,
 * and a child writing to a pipe nobody reads would stall once the pipe is full.
 */
async function startApi(url: string, logFile: string): Promise<ChildProcess> {
  const log = openSync(logFile, 'a')
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'e2e/bench/server.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(PORT),
      BENCH_POOL: String(POOL),
      ROOT_DOMAIN: 'localhost',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_USER_PER_MINUTE: '100000000',
    },
    stdio: ['ignore', log, log],
  })
  closeSync(log)
  let exited: number | null = null
  child.on('exit', (code) => {
    exited = code ?? -1
  })
  const until = Date.now() + 60_000
  while (!readFileSync(logFile, 'utf8').includes(`ready ${PORT}`)) {
    if (exited !== null)
      throw new Error(`API exited with ${exited}: ${readFileSync(logFile, 'utf8').slice(-2000)}`)
    if (Date.now() > until) throw new Error('API did not start in 60 s')
    await new Promise((r) => setTimeout(r, 100))
  }
  return child
}

function http(
  method: string,
  path: string,
  host: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      // No keep-alive: a socket idle through a 10 s scenario would be closed by the server under us.
      { host: '127.0.0.1', port: PORT, method, path, headers: { host, ...headers }, agent: false },
      (res) => {
        let text = ''
        res.on('data', (c: Buffer) => {
          text += c.toString()
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }))
      },
    )
    req.on('error', reject)
    if (body) req.write(body)
    req.end()
  })
}

async function login(host: string, slug: string): Promise<string> {
  const body = JSON.stringify({ email: `manager1@${slug}.aura.test`, password: GENERATED_PASSWORD })
  const res = await http('POST', '/api/v1/auth/login', host, { 'content-type': 'application/json' }, body)
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.text}`)
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? [])
  const session = cookies.find((c) => c.startsWith('aura_session='))
  if (!session) throw new Error('login set no session cookie')
  return session.split(';')[0] as string
}

/** Waits until the API answers a health check quickly: the previous scenario's backlog is worked off. */
async function drained(host: string) {
  const until = Date.now() + 30_000
  while (Date.now() < until) {
    const t = performance.now()
    const res = await http('GET', '/api/v1/health', host)
    if (res.status === 200 && performance.now() - t < 50) return
    await new Promise((r) => setTimeout(r, 250))
  }
}

function ensureWrk() {
  const found = spawnSync('sh', ['-c', 'command -v wrk'], { encoding: 'utf8' })
  if (found.status === 0) return
  out('wrk not found: apt-get install -y wrk')
  const install =
    'apt-get install -y -qq wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk >/dev/null)'
  execFileSync('sh', ['-c', install], { stdio: 'inherit' })
}

function peakRssMb(pid: number | undefined): number {
  if (!pid) return 0
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0)
    return Math.round(kb / 1024)
  } catch {
    return 0
  }
}

// ---------------------------------------------------------------------------------------------------------
// wrk with a Lua script (weighted requests, the session cookie and the tenant's Host header).

const luaString = (s: string) => `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`

function luaScript(reqs: Req[], host: string, cookie: string): string {
  const entries = reqs
    .map(
      (r) =>
        `{m=${luaString(r.method)}, p=${luaString(r.path)}, b=${r.body ? luaString(r.body) : 'nil'}, w=${r.weight ?? 1}}`,
    )
    .join(',\n  ')
  return `
local reqs = {
  ${entries}
}
local bag = {}
for i, r in ipairs(reqs) do for _ = 1, r.w do table.insert(bag, i) end end
wrk.headers["Host"] = ${luaString(host)}
wrk.headers["Cookie"] = ${luaString(cookie)}
wrk.headers["Content-Type"] = "application/json"
local counter = 0
local threads = {}
function setup(thread) table.insert(threads, thread) end
shed = 0
function response(status, headers, body)
  if status == 503 then shed = shed + 1 end
end
function init(args)
  counter = tonumber(string.sub(tostring({}), 8), 16) or 1
  math.randomseed(counter + os.time())
end
function request()
  local r = reqs[bag[math.random(#bag)]]
  return wrk.format(r.m, r.p, nil, r.b)
end
function done(summary, latency, requests)
  local e = summary.errors
  local shedTotal = 0
  for _, t in ipairs(threads) do shedTotal = shedTotal + (t:get("shed") or 0) end
  io.write(string.format('BENCHJSON {"shed":%d,"requests":%d,"duration_us":%d,"p50":%d,"p95":%d,"p99":%d,"max":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}\\n',
    shedTotal, summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, e.connect, e.read, e.write, e.status, e.timeout))
end
`
}

function runWrk(reqs: Req[], host: string, cookie: string, connections: number, dir: string): WrkResult {
  const script = join(dir, `wrk-${Math.random().toString(36).slice(2)}.lua`)
  writeFileSync(script, luaScript(reqs, host, cookie))
  const threads = Math.min(2, connections)
  const stdout = execFileSync(
    'wrk',
    [
      `-t${threads}`,
      `-c${connections}`,
      `-d${SECONDS}s`,
      '--timeout',
      '10s',
      '-s',
      script,
      `http://127.0.0.1:${PORT}`,
    ],
    { encoding: 'utf8', maxBuffer: 16 << 20 },
  )
  const line = stdout.split('\n').find((l) => l.startsWith('BENCHJSON '))
  if (!line) throw new Error(`wrk printed no summary:\n${stdout}`)
  const j = JSON.parse(line.slice('BENCHJSON '.length)) as {
    shed: number
    requests: number
    duration_us: number
    p50: number
    p95: number
    p99: number
    max: number
    errors: WrkResult['errors']
  }
  const seconds = j.duration_us / 1e6
  const ms = (us: number) => Math.round(us / 10) / 100
  return {
    requests: j.requests,
    seconds: Math.round(seconds * 100) / 100,
    rps: Math.round(j.requests / seconds),
    okRps: Math.round((j.requests - j.errors.status) / seconds),
    p50: ms(j.p50),
    p95: ms(j.p95),
    p99: ms(j.p99),
    max: ms(j.max),
    shed: j.shed,
    errors: { ...j.errors, status: j.errors.status - j.shed },
  }
}

// ---------------------------------------------------------------------------------------------------------
// pgbench with the statements the service sends, inside BEGIN; binding; …; COMMIT.

function pgbenchScript(f: TenantFacts, statements: CapturedQuery[]): string {
  const binding = `select set_config('role', 'crm_app', true), set_config('app.current_tenant_id', '${f.tenantId}', true), set_config('app.current_user_id', '${f.manager.id}', true), set_config('app.current_role', '${f.manager.role}', true);`
  const body = statements.map((q) => `${inlineParams(q).replace(/\s+/g, ' ').trim()};`)
  return ['BEGIN;', binding, ...body, 'COMMIT;', ''].join('\n')
}

/**
 * The whole request as the API runs it today, in SQL: the platform transactions of the site, session and
 * rate-limit middleware (tenant by slug, session joined to its user, the per-user counter upsert), then the
 * tenant transaction. Shows how much of the gap to the plain query is the request's own database work.
 */
function requestShapedScript(f: TenantFacts, sessionId: string, statements: CapturedQuery[]): string {
  const platform = (reason: string) =>
    `select set_config('role', 'crm_platform', true), set_config('app.platform_reason', '${reason}', true), set_config('app.current_user_id', '', true);`
  return [
    'BEGIN;',
    platform('resolve-tenant'),
    `select "id", "slug", "status" from "tenants" where "tenants"."slug" = '${f.slug}' limit 1;`,
    'COMMIT;',
    'BEGIN;',
    platform('authenticate'),
    `select s.*, u.* from sessions s inner join users u on u.id = s.user_id where s.id = '${sessionId}' limit 1;`,
    'COMMIT;',
    'BEGIN;',
    platform('rate-limit'),
    `insert into rate_limit_counters (key, window_start, count) values ('bench:${f.manager.id}', date_trunc('minute', now()), 1) on conflict (key, window_start) do update set count = rate_limit_counters.count + 1 returning count;`,
    'COMMIT;',
    pgbenchScript(f, statements),
  ].join('\n')
}

function runPgbench(url: string, script: string, connections: number, dir: string): RawResult {
  const id = Math.random().toString(36).slice(2)
  const file = join(dir, `raw-${id}.sql`)
  writeFileSync(file, script)
  const logDir = join(dir, `log-${id}`)
  mkdirSync(logDir)
  const u = new URL(url)
  const stdout = execFileSync(
    PGBENCH,
    [
      '-n',
      '-M',
      'simple',
      '-c',
      String(Math.min(connections, 90)),
      '-j',
      '2',
      '-T',
      String(SECONDS),
      '-f',
      file,
      '-l',
      '--log-prefix',
      join(logDir, 'pgb'),
      '-h',
      u.hostname,
      '-p',
      u.port || '5432',
      '-U',
      decodeURIComponent(u.username || 'postgres'),
      u.pathname.slice(1),
    ],
    { encoding: 'utf8', cwd: dir, maxBuffer: 16 << 20, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1] ?? 0)
  const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0)
  const latencies: number[] = []
  for (const name of readdirSync(logDir)) {
    for (const line of readFileSync(join(logDir, name), 'utf8').split('\n')) {
      const us = Number(line.split(' ')[2])
      if (line && Number.isFinite(us)) latencies.push(us)
    }
  }
  latencies.sort((a, b) => a - b)
  const pct = (p: number) =>
    Math.round(
      (latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0) / 10,
    ) / 100
  return {
    tps: Math.round(tps),
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    transactions: latencies.length,
    failed,
  }
}

// ---------------------------------------------------------------------------------------------------------
// RLS cost: the deal lists as crm_app under RLS vs as the owner with an explicit tenant predicate.

async function rlsCost(
  conn: Connection,
  f: TenantFacts,
  cases: { name: string; statements: CapturedQuery[] }[],
) {
  const rows: { query: string; rlsMs: number; ownerMs: number; ratio: number }[] = []
  const runs = SMOKE ? 5 : 21
  for (const c of cases) {
    const q = c.statements.at(-1)
    if (!q?.text.includes(' where ')) continue
    // The outer WHERE is the last one (the line-items EXISTS has its own, earlier in the select list).
    const at = q.text.lastIndexOf(' where ') + ' where '.length
    const owner: CapturedQuery = {
      text: `${q.text.slice(0, at)}"deals"."tenant_id" = '${f.tenantId}'::uuid and ${q.text.slice(at)}`,
      params: q.params,
    }
    const rls: number[] = []
    const plain: number[] = []
    for (let i = 0; i < runs; i++) {
      rls.push((await explain(conn.db, q, { ctx: ctxOf(f), analyze: true })).executionMs ?? 0)
      plain.push(
        (await explain(conn.db, owner, { ctx: ctxOf(f), as: 'owner', analyze: true })).executionMs ?? 0,
      )
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
    const r = median(rls)
    const o = median(plain)
    rows.push({ query: c.name, rlsMs: round3(r), ownerMs: round3(o), ratio: Math.round((r / o) * 100) / 100 })
  }
  return rows
}
const round3 = (x: number) => Math.round(x * 1000) / 1000

// ---------------------------------------------------------------------------------------------------------

function machine(pgVersion: string) {
  const mem = readFileSync('/proc/meminfo', 'utf8')
  const kb = Number(/MemTotal:\s+(\d+)/.exec(mem)?.[1] ?? 0)
  return {
    nproc: cpus().length,
    cpu: cpus()[0]?.model ?? '?',
    memoryGb: Math.round(kb / 1024 / 1024),
    postgres: pgVersion,
    node: process.version,
    wrk: spawnSync('wrk', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0]?.trim() ?? '',
  }
}

function workersBundleGzipBytes(): number | null {
  const dir = mkdtempSync(join(tmpdir(), 'aura-worker-'))
  try {
    execFileSync(
      'npm',
      [
        'exec',
        '-w',
        'api',
        '--',
        'wrangler',
        'deploy',
        '-c',
        '../wrangler.toml',
        '--dry-run',
        '--outdir',
        dir,
      ],
      {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
      },
    )
    const files = readdirSync(dir, { recursive: true })
      .map(String)
      .filter((n) => /\.(m?js|wasm)$/.test(n))
    let total = 0
    for (const name of files) {
      total += Number(
        execFileSync('sh', ['-c', `gzip -9 -c "${join(dir, name)}" | wc -c`], { encoding: 'utf8' }).trim(),
      )
    }
    return total
  } catch (error) {
    out(`bundle size skipped: ${String(error).slice(0, 200)}`)
    return null
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function main() {
  const started = new Date()
  ensureWrk()
  const load = { start: loadavg().map((x) => Math.round(x * 100) / 100) }
  out(`aura bench${SMOKE ? ' --smoke' : ''}: ${SECONDS}s per scenario, ${CONNS}/${HIGH} connections`)
  const db = await prepareDatabase()
  const host = `${db.slug}.localhost`
  const work = mkdtempSync(join(tmpdir(), 'aura-bench-'))
  const conn = await connect(db.url, { max: 4 })
  let api: ChildProcess | undefined
  try {
    const pgVersion = (await first<{ v: string }>(conn, sql`select version() as v`)).v.split(' on ')[0] ?? ''
    const f = await tenantFacts(conn.db, db.slug)
    const ctx = ctxOf(f)
    const pages = SMOKE ? 3 : 200
    const cursor = await boardCursor(conn.db, f, pages)
    const processDeals = await first<{ n: number }>(
      conn,
      sql`select count(*)::int as n from deals where tenant_id = ${f.tenantId} and process_id = ${f.processId} and deleted_at is null`,
    )
    // Write targets: open stages of the biggest process, deals in it (not the one read), priced products.
    const stages = await all<{ id: string }>(
      conn,
      sql`select id from process_stages where tenant_id = ${f.tenantId} and process_id = ${f.processId} and kind = 'open' order by position`,
    )
    const writeDeals = await all<{ id: string }>(
      conn,
      sql`select id from deals where tenant_id = ${f.tenantId} and process_id = ${f.processId} and status = 'open'
        and deleted_at is null and id <> ${f.dealId} order by id limit 400`,
    )
    const products = await all<{ id: string }>(
      conn,
      sql`select p.id from products p join pricing_blueprints b on b.tenant_id = p.tenant_id and b.product_id = p.id
        where p.tenant_id = ${f.tenantId} and p.is_active order by p.id limit 50`,
    )
    const pick = <T>(xs: T[], i: number) => xs[i % xs.length] as T

    const board = `/api/v1/deals?processId=${f.processId}&stageId=${f.stageId}&limit=25`
    const R = {
      listP1: { method: 'GET', path: board },
      listPN: { method: 'GET', path: `${board}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}` },
      deal: { method: 'GET', path: `/api/v1/deals/${f.dealId}/line-items` },
      searchName: { method: 'GET', path: `/api/v1/contacts?q=${encodeURIComponent(f.search.name)}&limit=25` },
      searchEmail: {
        method: 'GET',
        path: `/api/v1/contacts?q=${encodeURIComponent(f.search.email)}&limit=25`,
      },
      searchPhone: {
        method: 'GET',
        path: `/api/v1/contacts?q=${encodeURIComponent(f.search.phone)}&limit=25`,
      },
      summary: { method: 'GET', path: `/api/v1/pipeline-summary?processId=${f.processId}` },
    } satisfies Record<string, Req>
    const moves: Req[] = writeDeals.slice(0, 200).map((d, i) => ({
      method: 'POST',
      path: `/api/v1/deals/${d.id}/stage`,
      body: JSON.stringify({ stageId: pick(stages, i * 7 + 3).id }),
    }))
    const adds: Req[] = writeDeals.slice(200).map((d, i) => ({
      method: 'POST',
      path: `/api/v1/deals/${d.id}/line-items`,
      body: JSON.stringify({ productId: pick(products, i).id, quantity: 1 + (i % 3) }),
    }))
    const w = (reqs: Req[], weight: number) => reqs.map((r) => ({ ...r, weight }))
    const mixed: Req[] = [
      { ...R.listP1, weight: 300 },
      { ...R.listPN, weight: 100 },
      { ...R.deal, weight: 150 },
      { ...R.searchName, weight: 50 },
      { ...R.searchEmail, weight: 50 },
      { ...R.searchPhone, weight: 50 },
      { ...R.summary, weight: 100 },
      ...w(moves, 1),
      ...w(adds, Math.max(1, Math.round(moves.length / Math.max(1, adds.length)))),
    ]

    // The same SQL as each read scenario, captured from the services the routes call.
    const listQuery = {
      limit: 25,
      sort: 'updatedAt',
      direction: 'desc',
      processId: f.processId,
      stageId: f.stageId,
    } as const
    const raw: Record<string, (tx: Tx) => Promise<unknown>> = {
      listP1: (tx) => listDeals(tx, listQuery),
      listPN: (tx) => listDeals(tx, { ...listQuery, cursor }),
      deal: (tx) => listLineItems(tx, f.dealId, { limit: 25 }),
      searchName: (tx) => listContacts(tx, f.tenantId, { q: f.search.name, limit: 25 }),
      searchEmail: (tx) => listContacts(tx, f.tenantId, { q: f.search.email, limit: 25 }),
      searchPhone: (tx) => listContacts(tx, f.tenantId, { q: f.search.phone, limit: 25 }),
      summary: (tx) => summarizePipeline(tx, f.processId),
    }
    const captured: Record<string, CapturedQuery[]> = {}
    for (const [key, fn] of Object.entries(raw)) captured[key] = await captureQueries(conn, ctx, fn)

    type Scenario = { name: string; kind: ScenarioResult['kind']; reqs: Req[]; raw?: string; conns: number }
    const all50: Scenario[] = [
      { name: `deals board column page 1`, kind: 'read', reqs: [R.listP1], raw: 'listP1', conns: CONNS },
      {
        name: `deals board column page ${pages}`,
        kind: 'read',
        reqs: [R.listPN],
        raw: 'listPN',
        conns: CONNS,
      },
      { name: 'deal line items (one deal)', kind: 'read', reqs: [R.deal], raw: 'deal', conns: CONNS },
      {
        name: `contact search name "${f.search.name}"`,
        kind: 'read',
        reqs: [R.searchName],
        raw: 'searchName',
        conns: CONNS,
      },
      {
        name: `contact search email "${f.search.email}"`,
        kind: 'read',
        reqs: [R.searchEmail],
        raw: 'searchEmail',
        conns: CONNS,
      },
      {
        name: `contact search phone "${f.search.phone}"`,
        kind: 'read',
        reqs: [R.searchPhone],
        raw: 'searchPhone',
        conns: CONNS,
      },
      {
        name: `pipeline summary (${processDeals.n} deals)`,
        kind: 'read',
        reqs: [R.summary],
        raw: 'summary',
        conns: CONNS,
      },
      { name: 'move deal stage', kind: 'write', reqs: moves, conns: CONNS },
      { name: 'add line item', kind: 'write', reqs: adds, conns: CONNS },
      { name: 'mixed 80/20', kind: 'mixed', reqs: mixed, conns: CONNS },
      { name: 'mixed 80/20', kind: 'mixed', reqs: mixed, conns: HIGH },
      // Latency of one request on its own (the latency targets), API only.
      { name: 'deals board column page 1', kind: 'read', reqs: [R.listP1], conns: 1 },
      { name: `contact search name "${f.search.name}"`, kind: 'read', reqs: [R.searchName], conns: 1 },
      { name: `contact search email "${f.search.email}"`, kind: 'read', reqs: [R.searchEmail], conns: 1 },
      { name: `contact search phone "${f.search.phone}"`, kind: 'read', reqs: [R.searchPhone], conns: 1 },
      { name: `pipeline summary (${processDeals.n} deals)`, kind: 'read', reqs: [R.summary], conns: 1 },
      { name: 'add line item', kind: 'write', reqs: adds, conns: 1 },
    ]
    const scenarios = SMOKE
      ? all50.filter((s) => s.conns > 1 && /page 1$|search name|summary|add line|mixed/.test(s.name))
      : all50

    // Every request of every scenario must answer 2xx before timing anything.
    const apiLog = join(work, 'api.log')
    api = await startApi(db.url, apiLog)
    const cookie = await login(host, db.slug)
    const sessionId = (
      await all<{ id: string }>(
        conn,
        sql`select id from sessions where user_id = ${f.manager.id} order by created_at desc limit 1`,
      )
    )[0]?.id
    for (const s of scenarios) {
      const r = s.reqs[0] as Req
      const res = await http(r.method, r.path, host, { cookie, 'content-type': 'application/json' }, r.body)
      if (res.status >= 300)
        throw new Error(`${s.name}: ${r.method} ${r.path} → ${res.status} ${res.text.slice(0, 300)}`)
    }
    out('warm-up')
    runWrk([R.listP1, R.summary, R.searchName], host, cookie, CONNS, work)

    const results: ScenarioResult[] = []
    for (const s of scenarios) {
      await drained(host)
      const apiResult = runWrk(s.reqs, host, cookie, s.conns, work)
      const result: ScenarioResult = {
        name: s.name,
        kind: s.kind,
        connections: s.conns,
        api: apiResult,
        peakRssMb: peakRssMb(api.pid),
      }
      if (s.raw) {
        const statements = captured[s.raw] ?? []
        result.raw = runPgbench(db.url, pgbenchScript(f, statements), s.conns, work)
        if (s.raw === 'listP1' && sessionId) {
          const script = requestShapedScript(f, sessionId, statements)
          result.rawRequestShaped = runPgbench(db.url, script, s.conns, work)
        }
        result.ratio = result.raw.tps ? Math.round((apiResult.okRps / result.raw.tps) * 100) / 100 : undefined
      }
      results.push(result)
      const e = apiResult.errors
      const errs = e.connect + e.read + e.write + e.status + e.timeout
      out(
        `${s.name} @${s.conns}: ${apiResult.rps} req/s p50 ${apiResult.p50} p95 ${apiResult.p95} p99 ${apiResult.p99} ms, errors ${errs}, 503 ${apiResult.shed}` +
          (result.raw ? ` | raw ${result.raw.tps} tps p95 ${result.raw.p95} ms, ratio ${result.ratio}` : ''),
      )
    }
    const peak = peakRssMb(api.pid)
    api.kill('SIGTERM')
    api = undefined
    const apiLogLines = readFileSync(apiLog, 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('ready'))
    if (apiLogLines.length)
      out(`API log: ${apiLogLines.length} lines, e.g.\n${apiLogLines.slice(0, 3).join('\n')}`)

    const rls = await rlsCost(conn, f, [
      { name: 'deals board column page 1', statements: captured.listP1 ?? [] },
      { name: `deals board column page ${pages}`, statements: captured.listPN ?? [] },
      {
        name: 'deals list (default sort)',
        statements: await captureQueries(conn, ctx, (tx) =>
          listDeals(tx, { limit: 25, sort: 'updatedAt', direction: 'desc' }),
        ),
      },
    ])
    const bundle = argv.includes('--no-bundle') ? null : workersBundleGzipBytes()
    const report = {
      started: started.toISOString(),
      smoke: SMOKE,
      secondsPerScenario: SECONDS,
      apiPool: POOL,
      tenant: {
        slug: db.slug,
        deals: await countOf(conn, 'deals', f.tenantId),
        contacts: await countOf(conn, 'contacts', f.tenantId),
      },
      machine: machine(pgVersion),
      loadAverage: { ...load, end: loadavg().map((x) => Math.round(x * 100) / 100) },
      scenarios: results,
      peakRssMb: peak,
      rlsCost: rls,
      workersBundleGzipBytes: bundle,
      durationSeconds: Math.round((Date.now() - started.getTime()) / 1000),
    }
    const dir = SMOKE ? mkdtempSync(join(tmpdir(), 'aura-bench-smoke-')) : join(ROOT, 'e2e/bench/results')
    mkdirSync(dir, { recursive: true })
    const stamp = started.toISOString().replace(/[:.]/g, '-')
    writeFileSync(join(dir, `${stamp}.json`), `${JSON.stringify(report, null, 2)}\n`)
    writeFileSync(join(dir, `${stamp}.md`), markdown(report))
    out(markdown(report))
    out(`results: ${join(dir, stamp)}.{json,md}`)
  } finally {
    api?.kill('SIGTERM')
    await conn.close()
    rmSync(work, { recursive: true, force: true })
    await db.drop?.()
  }
}

async function countOf(conn: Connection, table: 'deals' | 'contacts', tenantId: string) {
  return (
    await first<{ n: number }>(
      conn,
      sql`select count(*)::int as n from ${sql.identifier(table)} where tenant_id = ${tenantId}`,
    )
  ).n
}

function markdown(r: {
  started: string
  smoke: boolean
  secondsPerScenario: number
  apiPool: number
  tenant: { slug: string; deals: number; contacts: number }
  machine: ReturnType<typeof machine>
  loadAverage: { start: number[]; end: number[] }
  scenarios: ScenarioResult[]
  peakRssMb: number
  rlsCost: { query: string; rlsMs: number; ownerMs: number; ratio: number }[]
  workersBundleGzipBytes: number | null
}): string {
  const m = r.machine
  const lines = [
    `# Aura bench ${r.started}${r.smoke ? ' (smoke)' : ''}`,
    '',
    `Machine: ${m.nproc} CPUs (${m.cpu}), ${m.memoryGb} GB RAM, ${m.postgres}, Node ${m.node}, ${m.wrk}. ` +
      `Load average ${r.loadAverage.start.join(' / ')} at start, ${r.loadAverage.end.join(' / ')} at end (shared machine).`,
    `Tenant ${r.tenant.slug}: ${r.tenant.deals} deals, ${r.tenant.contacts} contacts. ${r.secondsPerScenario} s per scenario, API pool ${r.apiPool}, loopback, wrk 2 threads; raw = pgbench, same SQL as crm_app in BEGIN; set_config(…); …; COMMIT.`,
    '',
    '| scenario | conns | req/s (2xx) | p50 ms | p95 ms | p99 ms | errors | 503 shed | raw tps | raw p95 ms | API ÷ raw | API peak RSS MB |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ]
  for (const s of r.scenarios) {
    const e = s.api.errors
    const errs = e.connect + e.read + e.write + e.status + e.timeout
    const errText = errs
      ? `${errs} (${Object.entries(e)
          .filter(([, v]) => v)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')})`
      : '0'
    lines.push(
      `| ${s.name} | ${s.connections} | ${s.api.rps}${s.api.shed ? ` (${s.api.okRps})` : ''} | ${s.api.p50} | ${s.api.p95} | ${s.api.p99} | ${errText} | ${s.api.shed} | ${s.raw?.tps ?? '–'} | ${s.raw?.p95 ?? '–'} | ${s.ratio ?? '–'} | ${s.peakRssMb} |`,
    )
  }
  for (const s of r.scenarios.filter((x) => x.rawRequestShaped)) {
    const x = s.rawRequestShaped as RawResult
    lines.push(
      '',
      `Raw, request-shaped (${s.name}, ${s.connections} clients): the list plus the SQL of the site, session and rate-limit middleware (3 platform transactions, 16 statements per request): ${x.tps} tps, p50 ${x.p50} / p95 ${x.p95} / p99 ${x.p99} ms; the API reaches ${x.tps ? Math.round((s.api.okRps / x.tps) * 100) / 100 : '–'} of it.`,
    )
  }
  lines.push(
    '',
    'RLS cost (EXPLAIN ANALYZE execution time, median): crm_app under RLS vs owner with explicit `tenant_id =`',
    '',
  )
  lines.push('| query | RLS ms | owner ms | ratio |', '|---|---:|---:|---:|')
  for (const x of r.rlsCost) lines.push(`| ${x.query} | ${x.rlsMs} | ${x.ownerMs} | ${x.ratio} |`)
  lines.push(
    '',
    `API peak RSS (VmHWM): ${r.peakRssMb} MB. Workers bundle: ${
      r.workersBundleGzipBytes === null
        ? 'not measured'
        : `${Math.round(r.workersBundleGzipBytes / 1024)} KiB gzipped`
    }.`,
    '',
  )
  return lines.join('\n')
}

await main()
