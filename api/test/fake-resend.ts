// A stand-in for api.resend.com on 127.0.0.1: records every POST /emails and answers like Resend,
// or with a 500 while `failNext` is positive. Tests point the SDK at it with `baseUrl`. Like Resend, a
// request repeating an `Idempotency-Key` it has already delivered is answered with the first response
// and delivers nothing (it is counted in `replayed`, not in `received`).
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedEmail {
  from: string
  to: string[]
  subject: string
  html: string
  text: string
  authorization: string | undefined
  idempotencyKey: string | undefined
}

export async function startFakeResend() {
  const received: ReceivedEmail[] = []
  const replayed: ReceivedEmail[] = []
  const firstAnswer = new Map<string, string>()
  const state = { failNext: 0 }
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString()
    })
    req.on('end', () => {
      res.setHeader('content-type', 'application/json')
      if (req.method !== 'POST' || req.url !== '/emails') {
        res.writeHead(404).end(JSON.stringify({ name: 'not_found', message: 'no route' }))
        return
      }
      if (state.failNext > 0) {
        state.failNext--
        res.writeHead(500).end(JSON.stringify({ name: 'internal_server_error', message: 'boom' }))
        return
      }
      const parsed = JSON.parse(body) as Omit<ReceivedEmail, 'authorization' | 'idempotencyKey' | 'to'> & {
        to: string | string[]
      }
      const email = {
        ...parsed,
        to: Array.isArray(parsed.to) ? parsed.to : [parsed.to],
        authorization: req.headers.authorization,
        idempotencyKey: req.headers['idempotency-key'] as string | undefined,
      }
      const earlier = email.idempotencyKey ? firstAnswer.get(email.idempotencyKey) : undefined
      if (earlier) {
        replayed.push(email)
        res.writeHead(200).end(earlier)
        return
      }
      received.push(email)
      const answer = JSON.stringify({ id: `re_${received.length}_${Date.now()}` })
      if (email.idempotencyKey) firstAnswer.set(email.idempotencyKey, answer)
      res.writeHead(200).end(answer)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received,
    replayed,
    state,
    /** Everything delivered to one address (the dispatcher may also deliver other tests' mail). */
    to: (address: string) => received.filter((r) => r.to.includes(address)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
