// A TCP proxy in front of Postgres that records what a client sends, read off the wire (protocol 3.0):
// simple queries (Q) and extended-protocol executions (Parse/Bind/Execute, named or unnamed statements).
// The benchmark points a second Aura server at it to learn the exact SQL of each request, identity work
// included, without knowing anything about the API's internals or its driver.
import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net'

export interface WireStatement {
  /** Proxy-side connection number (one per client connection). */
  conn: number
  /** Arrival order over all connections. */
  seq: number
  text: string
  /** Text-format values; null for SQL NULL; binary values arrive as bytea hex (`\x…`). */
  params: (string | null)[]
}

export interface WireProxy {
  port: number
  /** Statements recorded since the last take(), in arrival order; clears the record. */
  take(): WireStatement[]
  close(): Promise<void>
}

const SSL_REQUEST = 80877103
const GSS_REQUEST = 80877104

export async function startWireProxy(target: { host: string; port: number }, port: number) {
  let recorded: WireStatement[] = []
  let seq = 0
  let conns = 0
  const sockets = new Set<Socket>()
  const server: Server = createServer((client) => {
    const conn = ++conns
    const upstream = tcpConnect(target.port, target.host)
    sockets.add(client)
    sockets.add(upstream)
    const reader = new FrontendReader((text, params) => {
      recorded.push({ conn, seq: ++seq, text, params })
    })
    client.on('data', (chunk: Buffer) => {
      reader.push(chunk)
      upstream.write(chunk)
    })
    upstream.on('data', (chunk: Buffer) => client.write(chunk))
    const end = () => {
      client.destroy()
      upstream.destroy()
      sockets.delete(client)
      sockets.delete(upstream)
    }
    client.on('close', end)
    upstream.on('close', end)
    client.on('error', end)
    upstream.on('error', end)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const proxy: WireProxy = {
    port,
    take() {
      const taken = recorded
      recorded = []
      return taken
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
  return proxy
}

/** Splits the client's byte stream into messages and reports each executed statement. */
class FrontendReader {
  private buffer: Buffer = Buffer.alloc(0)
  private started = false
  /** Statement name → SQL text, per connection ('' is the unnamed statement). */
  private readonly statements = new Map<string, string>()
  private bound: { statement: string; params: (string | null)[] } | null = null

  constructor(private readonly onStatement: (text: string, params: (string | null)[]) => void) {}

  push(chunk: Buffer) {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk
    for (;;) {
      if (!this.started) {
        // Startup-phase messages have no type byte: length, then a code (SSL/GSS request or protocol).
        if (this.buffer.length < 8) return
        const length = this.buffer.readInt32BE(0)
        if (this.buffer.length < length) return
        const code = this.buffer.readInt32BE(4)
        this.buffer = this.buffer.subarray(length)
        if (code !== SSL_REQUEST && code !== GSS_REQUEST) this.started = true
        continue
      }
      if (this.buffer.length < 5) return
      const length = this.buffer.readInt32BE(1)
      if (this.buffer.length < 1 + length) return
      const type = String.fromCharCode(this.buffer[0] as number)
      const body = this.buffer.subarray(5, 1 + length)
      this.buffer = this.buffer.subarray(1 + length)
      this.message(type, body)
    }
  }

  private message(type: string, body: Buffer) {
    const r = new BodyReader(body)
    if (type === 'Q') this.onStatement(r.cstring(), [])
    else if (type === 'P') {
      const name = r.cstring()
      this.statements.set(name, r.cstring())
    } else if (type === 'B') {
      r.cstring() // portal
      const statement = r.cstring()
      const formats = Array.from({ length: r.int16() }, () => r.int16())
      const params = Array.from({ length: r.int16() }, (_, i) => {
        const size = r.int32()
        if (size < 0) return null
        const bytes = r.bytes(size)
        const binary = (formats.length === 1 ? formats[0] : formats[i]) === 1
        return binary ? `\\x${bytes.toString('hex')}` : bytes.toString('utf8')
      })
      this.bound = { statement, params }
    } else if (type === 'E' && this.bound) {
      this.onStatement(this.statements.get(this.bound.statement) ?? '', this.bound.params)
    } else if (type === 'C' && r.byte() === 'S') {
      this.statements.delete(r.cstring())
    }
  }
}

class BodyReader {
  private at = 0
  constructor(private readonly body: Buffer) {}
  byte() {
    return String.fromCharCode(this.body[this.at++] as number)
  }
  int16() {
    const v = this.body.readInt16BE(this.at)
    this.at += 2
    return v
  }
  int32() {
    const v = this.body.readInt32BE(this.at)
    this.at += 4
    return v
  }
  bytes(n: number) {
    const v = this.body.subarray(this.at, this.at + n)
    this.at += n
    return v
  }
  cstring() {
    const end = this.body.indexOf(0, this.at)
    const v = this.body.toString('utf8', this.at, end)
    this.at = end + 1
    return v
  }
}
