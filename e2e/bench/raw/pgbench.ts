// pgbench replays the SQL a contender sent for one operation, with prepared statements (-M prepared), on
// its own connections. Kinds of operation are script files picked by weight (-f file@weight). A writer
// kind has one variant per client (`\if :client_id % n = k`), so no two clients write the same deal,
// and a variant cycles through its operations with a per-client counter (a move there, then back).
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { RequestSql } from '../capture/units.ts'
import type { LoadResult } from '../load/wrk.ts'
import { toPgbenchCommand } from './pgbench-sql.ts'

export interface RawKind {
  name: string
  weight: number
  /** variants[k] = the operations client k cycles through. */
  variants: RequestSql[][]
}

interface Script {
  text: string
  vars: [string, string][]
}

function kindScript(kind: RawKind, index: number): Script {
  const vars: [string, string][] = []
  const lines: string[] = []
  const counter = `t${index}`
  const cycles = kind.variants.some((ops) => ops.length > 1)
  if (cycles) {
    const period = Math.max(...kind.variants.map((ops) => ops.length))
    vars.push([counter, String(period - 1)])
    lines.push(`\\set ${counter} (:${counter} + 1) % ${period}`)
  }
  const opLines = (op: RequestSql, prefix: string) =>
    op.units
      .flatMap((u) => u.statements)
      .map((s, i) => {
        const cmd = toPgbenchCommand(s.text, s.params, `${prefix}s${i}`)
        vars.push(...cmd.vars)
        return cmd.command
      })
  const variantLines = (ops: RequestSql[], v: number) => {
    if (ops.length === 1) return opLines(ops[0] as RequestSql, `k${index}v${v}o0`)
    return ops
      .flatMap((op, o) => [
        `${o === 0 ? '\\if' : '\\elif'} :${counter} = ${o}`,
        ...opLines(op, `k${index}v${v}o${o}`),
      ])
      .concat('\\endif')
  }
  if (kind.variants.length === 1) lines.push(...variantLines(kind.variants[0] as RequestSql[], 0))
  else
    kind.variants.forEach((ops, v) => {
      lines.push(`${v === 0 ? '\\if' : '\\elif'} :client_id % ${kind.variants.length} = ${v}`)
      lines.push(...variantLines(ops, v))
    })
  if (kind.variants.length > 1) lines.push('\\endif')
  return { text: `${lines.join('\n')}\n`, vars }
}

export function runPgbench(
  url: string,
  kinds: RawKind[],
  clients: number,
  seconds: number,
  dir: string,
  bin: string,
): LoadResult {
  const id = Math.random().toString(36).slice(2)
  const logDir = join(dir, `pgbench-${id}`)
  mkdirSync(logDir)
  const args: string[] = []
  kinds.forEach((kind, i) => {
    const script = kindScript(kind, i)
    const file = join(logDir, `${kind.name.replace(/\W+/g, '-')}.sql`)
    writeFileSync(file, script.text)
    args.push('-f', `${file}@${kind.weight}`)
    for (const [name, value] of script.vars) args.push('-D', `${name}=${value}`)
  })
  const u = new URL(url)
  const run = spawnSync(
    bin,
    [
      '-n',
      '-M',
      'prepared',
      '-c',
      String(clients),
      '-j',
      String(Math.min(2, clients)),
      '-T',
      String(seconds),
      ...args,
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
    { encoding: 'utf8', cwd: logDir, maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const stdout = run.stdout ?? ''
  // A failing statement aborts its client (exit status 2): counted as errors, the first one shown.
  const aborted = (run.stderr ?? '').split('\n').filter((l) => / aborted in command /.test(l))
  if (run.status !== 0 && !/tps = /.test(stdout))
    throw new Error(`pgbench failed (${run.status}): ${(run.stderr ?? '').slice(0, 1500)}`)
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1] ?? 0)
  const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0)
  const latencies: number[] = []
  for (const name of readdirSync(logDir).filter((n) => n.startsWith('pgb'))) {
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
    ops: latencies.length,
    seconds,
    opsPerSec: Math.round(tps * 10) / 10,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    max: pct(100),
    fivexx: 0,
    shed: 0,
    errors: failed + aborted.length,
    errorDetail: {
      ...(failed ? { failed } : {}),
      ...(aborted.length ? { aborted: aborted.length } : {}),
    },
    ...(aborted.length ? { firstError: (run.stderr ?? '').slice(0, 500) } : {}),
  }
}
