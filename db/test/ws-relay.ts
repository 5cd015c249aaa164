// WebSocket→TCP relay: lets the Neon driver (which speaks Postgres over WebSocket) reach a plain local
// Postgres in tests and `wrangler dev`. The driver asks for `ws://127.0.0.1:PORT/v2?address=host:port`.
import net, { type AddressInfo } from 'node:net'
import { WebSocketServer } from 'ws'

export interface WsRelay {
  port: number
  close(): Promise<void>
}

export function startWsRelay(): Promise<WsRelay> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  wss.on('connection', (socket, req) => {
    const [host, port] = (new URL(req.url ?? '/', 'ws://relay').searchParams.get('address') ?? '').split(':')
    const tcp = net.connect({ host, port: Number(port) })
    socket.binaryType = 'nodebuffer'
    socket.on('message', (data: Buffer) => tcp.write(data))
    tcp.on('data', (data) => socket.send(data))
    socket.on('close', () => tcp.destroy())
    socket.on('error', () => tcp.destroy())
    tcp.on('close', () => socket.close())
    tcp.on('error', () => socket.terminate())
  })
  return new Promise((resolve, reject) => {
    wss.once('error', reject)
    wss.once('listening', () => {
      const { port } = wss.address() as AddressInfo
      resolve({
        port,
        close: () =>
          new Promise<void>((done) => {
            for (const client of wss.clients) client.terminate()
            wss.close(() => done())
          }),
      })
    })
  })
}
