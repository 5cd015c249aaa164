// wrk drives the HTTP contenders with a generated Lua script. A workload is kinds of operation picked by
// weight; each kind has slots that wrk's threads share out (a writer's slot is one deal, used by one
// thread, round-robin, so no two connections write the same deal at once); a slot cycles through its
// operations (a move there, then back). An operation of several requests is pipelined on one connection
// and timed as one (wrk records the latency when the last answer of the batch arrives).
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface HttpReq {
  method: 'GET' | 'POST'
  path: string
  body?: string
}
export type HttpOp = HttpReq[]
export interface HttpKind {
  name: string
  weight: number
  slots: HttpOp[][]
}
export interface HttpWorkload {
  headers: Record<string, string>
  kinds: HttpKind[]
  /** GraphQL answers errors with status 200: count bodies that carry "errors". */
  graphql?: boolean
}

export interface LoadResult {
  ops: number
  seconds: number
  opsPerSec: number
  p50: number
  p95: number
  p99: number
  max: number
  /** Answers with 5xx other than 503; 503 (load shed) counted apart. */
  fivexx: number
  shed: number
  /** Non-2xx answers, transport errors and timeouts, GraphQL errors: anything not a clean answer. */
  errors: number
  errorDetail: Record<string, number>
  /** The first error message, when the tool gives one (pgbench). */
  firstError?: string
}

const lua = (s: string) => `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n')}"`

function script(w: HttpWorkload, threads: number): string {
  const op = (o: HttpOp) =>
    `{${o.map((r) => `{${lua(r.method)}, ${lua(r.path)}, ${r.body ? lua(r.body) : 'nil'}}`).join(', ')}}`
  const kinds = w.kinds
    .map(
      (k) => `{w=${k.weight}, slots={\n${k.slots.map((s) => `  {${s.map(op).join(', ')}}`).join(',\n')}\n}}`,
    )
    .join(',\n')
  const headers = Object.entries(w.headers)
    .map(([k, v]) => `wrk.headers[${lua(k)}] = ${lua(v)}`)
    .join('\n')
  return `
local NTHREADS = ${threads}
local kinds = {
${kinds}
}
${headers}
local threads = {}
local nextid = 0
function setup(thread)
  thread:set("tid", nextid)
  nextid = nextid + 1
  table.insert(threads, thread)
end
fivexx, shed, gql = 0, 0, 0
local totalw = 0
function init(args)
  math.randomseed(os.time() + tid * 7919)
  for _, kind in ipairs(kinds) do
    kind.mine = {}
    for i, slot in ipairs(kind.slots) do
      if #kind.slots < NTHREADS or (i - 1) % NTHREADS == tid then
        local ops = {}
        for j, o in ipairs(slot) do
          local s = ""
          for _, r in ipairs(o) do s = s .. wrk.format(r[1], r[2], nil, r[3]) end
          ops[j] = s
        end
        table.insert(kind.mine, { ops = ops, n = 0 })
      end
    end
    kind.next = 0
    totalw = totalw + kind.w
  end
end
function request()
  local kind = kinds[1]
  if #kinds > 1 then
    local x = math.random() * totalw
    for _, k in ipairs(kinds) do
      kind = k
      x = x - k.w
      if x <= 0 then break end
    end
  end
  kind.next = kind.next % #kind.mine + 1
  local slot = kind.mine[kind.next]
  slot.n = slot.n % #slot.ops + 1
  return slot.ops[slot.n]
end
function response(status, headers, body)
  if status == 503 then shed = shed + 1 elseif status >= 500 then fivexx = fivexx + 1 end
  ${w.graphql ? 'if status == 200 and string.find(body, \'"errors"\', 1, true) then gql = gql + 1 end' : ''}
end
function done(summary, latency, requests)
  local f, s, g = 0, 0, 0
  for _, t in ipairs(threads) do
    f = f + (t:get("fivexx") or 0)
    s = s + (t:get("shed") or 0)
    g = g + (t:get("gql") or 0)
  end
  local e = summary.errors
  io.write(string.format('BENCHJSON {"requests":%d,"us":%d,"p50":%d,"p95":%d,"p99":%d,"max":%d,"fivexx":%d,"shed":%d,"gql":%d,' ..
    '"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.max, f, s, g, e.connect, e.read, e.write, e.status, e.timeout))
end
`
}

export function runWrk(
  w: HttpWorkload,
  port: number,
  connections: number,
  seconds: number,
  dir: string,
): LoadResult {
  const threads = Math.min(2, connections)
  const file = join(dir, `wrk-${Math.random().toString(36).slice(2)}.lua`)
  writeFileSync(file, script(w, threads))
  const stdout = execFileSync(
    'wrk',
    [
      `-t${threads}`,
      `-c${connections}`,
      `-d${seconds}s`,
      '--timeout',
      '10s',
      '-s',
      file,
      `http://127.0.0.1:${port}`,
    ],
    { encoding: 'utf8', maxBuffer: 16 << 20 },
  )
  const line = stdout.split('\n').find((l) => l.startsWith('BENCHJSON '))
  if (!line) throw new Error(`wrk printed no summary:\n${stdout}`)
  const j = JSON.parse(line.slice('BENCHJSON '.length)) as Record<string, number>
  const n = (k: string) => j[k] ?? 0
  // Every operation of a workload has the same number of requests (wrk pipelines a fixed depth).
  const depth = w.kinds[0]?.slots[0]?.[0]?.length ?? 1
  const ms = (us: number) => Math.round(us / 10) / 100
  const secs = n('us') / 1e6
  const ops = Math.floor(n('requests') / depth)
  const counts: [string, number][] = [
    ...(['connect', 'read', 'write', 'timeout', 'gql'] as const).map((k): [string, number] => [k, n(k)]),
    ['non-2xx', n('status') - n('shed')],
  ]
  const errorDetail = Object.fromEntries(counts.filter(([, v]) => v > 0))
  return {
    ops,
    seconds: Math.round(secs * 100) / 100,
    opsPerSec: Math.round((ops / secs) * 10) / 10,
    p50: ms(n('p50')),
    p95: ms(n('p95')),
    p99: ms(n('p99')),
    max: ms(n('max')),
    fivexx: n('fivexx'),
    shed: n('shed'),
    errors: Object.values(errorDetail).reduce((a, b) => a + b, 0),
    errorDetail,
  }
}
