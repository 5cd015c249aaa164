// Learns the SQL of one operation: a second Aura server talks to Postgres through the wire proxy; the
// operation runs (warm first, so caches are as under load), and the statements recorded while it ran are
// its SQL. Of two recordings the smaller is kept: a background job (the email dispatcher's poll) can land
// in one of them, rarely in both.
import { type HttpAnswer, httpRequest } from '../http.ts'
import type { HttpOp } from '../load/wrk.ts'
import { type RequestSql, toUnits } from './units.ts'
import type { WireProxy } from './wire-proxy.ts'

export interface CaptureTarget {
  proxy: WireProxy
  port: number
  host: string
  headers: Record<string, string>
  /** Statement texts the server sends on its own (the email dispatcher's poll), learnt while idle. */
  background?: Set<string>
}

const GENERIC = /^\s*(begin|commit|rollback|select set_config\()/i

/** Watches the idle server for a few seconds: what it sends then is background work, not a request's. */
export async function learnBackground(t: CaptureTarget): Promise<Set<string>> {
  t.proxy.take()
  await new Promise((r) => setTimeout(r, 4_500))
  return new Set(
    t.proxy
      .take()
      .map((s) => s.text)
      .filter((text) => !GENERIC.test(text)),
  )
}

export async function sendOp(t: Omit<CaptureTarget, 'proxy'>, op: HttpOp): Promise<HttpAnswer[]> {
  const answers: HttpAnswer[] = []
  for (const r of op) {
    const answer = await httpRequest({ port: t.port, host: t.host, headers: t.headers, ...r })
    if (answer.status >= 300)
      throw new Error(`${r.method} ${r.path} → ${answer.status} ${answer.text.slice(0, 300)}`)
    answers.push(answer)
  }
  return answers
}

const settle = () => new Promise((r) => setTimeout(r, 60))

/** The SQL of a read: run twice to warm, then recorded twice. */
export async function captureRead(t: CaptureTarget, op: HttpOp): Promise<RequestSql> {
  await sendOp(t, op)
  await sendOp(t, op)
  return smallest(await record(t, op), await record(t, op))
}

/**
 * The SQL of a pair of writes that undo each other (a move there and back): each runs three times
 * (warm, then recorded twice), alternating, so the data ends as it began.
 */
export async function captureWrites(t: CaptureTarget, ops: HttpOp[]): Promise<RequestSql[]> {
  for (const op of ops) await sendOp(t, op)
  const first: RequestSql[] = []
  for (const op of ops) first.push(await record(t, op))
  const second: RequestSql[] = []
  for (const op of ops) second.push(await record(t, op))
  return first.map((a, i) => smallest(a, second[i] as RequestSql))
}

async function record(t: CaptureTarget, op: HttpOp): Promise<RequestSql> {
  await settle()
  t.proxy.take()
  await sendOp(t, op)
  await settle()
  const units = toUnits(t.proxy.take())
  const background = t.background ?? new Set<string>()
  return { units: units.filter((u) => !u.statements.some((s) => background.has(s.text))) }
}

const size = (s: RequestSql) => s.units.reduce((n, u) => n + u.statements.length, 0)
const smallest = (a: RequestSql, b: RequestSql) => (size(b) < size(a) ? b : a)
