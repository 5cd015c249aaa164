// Plain HTTP/1.1 to a contender on loopback, with the Host header of the tenant (Node's fetch drops it).
import { request } from 'node:http'
import { GENERATED_PASSWORD } from '@aura/db/seed/generate/index'

export interface HttpCall {
  port: number
  method: string
  path: string
  host: string
  headers?: Record<string, string>
  body?: string
}

export interface HttpAnswer {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
  bytes: number
}

export function httpRequest(call: HttpCall): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: call.port,
        method: call.method,
        path: call.path,
        headers: { host: call.host, ...call.headers },
        // No keep-alive: a socket left idle through a window would be closed by the server under us.
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const body = Buffer.concat(chunks)
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: body.toString(),
            bytes: body.length,
          })
        })
      },
    )
    req.on('error', reject)
    if (call.body) req.write(call.body)
    req.end()
  })
}

/** Logs in as the tenant's manager; returns the session cookie (name=value). */
export async function login(port: number, host: string, email: string): Promise<string> {
  const res = await httpRequest({
    port,
    method: 'POST',
    path: '/api/v1/auth/login',
    host,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: GENERATED_PASSWORD }),
  })
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.text.slice(0, 300)}`)
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? [])
  const session = cookies.find((c) => c.startsWith('aura_session='))
  if (!session) throw new Error('login set no session cookie')
  return session.split(';')[0] as string
}

/** Waits until the server answers a cheap request quickly: the previous window's backlog is worked off. */
export async function drained(port: number, host: string, path: string) {
  const until = Date.now() + 30_000
  while (Date.now() < until) {
    const started = performance.now()
    const res = await httpRequest({ port, method: 'GET', path, host }).catch(() => null)
    if (res && res.status < 500 && performance.now() - started < 50) return
    await new Promise((r) => setTimeout(r, 250))
  }
}
