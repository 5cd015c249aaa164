// Reads a request's body once, before any route does, so that every route gets the same two refusals:
// 413 past `maxBytes` (counted on the stream, so a missing or false Content-Length changes nothing and no
// byte past the limit is read), and 400 for a JSON body that is not valid UTF-8 (a lenient decoder would
// turn the bad bytes into U+FFFD and the API would store them). The bytes are left in Hono's body cache, so
// the validators and the idempotency fingerprint read them from there.
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../context.ts'
import { AppError } from '../lib/problem.ts'

/** The JSON API's default limit; a route that needs more (an import) names its own. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024

const tooLarge = (maxBytes: number, hint?: string) =>
  new AppError('payload_too_large', 'The request body is too large', {
    errors: [{ field: '(body)', message: hint ?? `At most ${Math.floor(maxBytes / 1024)} KB` }],
  })

export const notUtf8 = () =>
  new AppError('validation_failed', 'The request body is not valid UTF-8', {
    errors: [{ field: '(body)', message: 'Send JSON encoded as UTF-8' }],
  })

async function readAtMost(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array | null> {
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel()
      return null
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.byteLength
  }
  return bytes
}

export const readBody = (maxBytes: number, hint?: string) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const raw = c.req.raw
    if (!raw.body) return next()
    const announced = Number(raw.headers.get('content-length'))
    if (announced > maxBytes) throw tooLarge(maxBytes, hint)
    const bytes = await readAtMost(raw.body, maxBytes)
    if (!bytes) throw tooLarge(maxBytes, hint)
    if (/\bjson\b/i.test(raw.headers.get('content-type') ?? '')) {
      try {
        new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
      } catch {
        throw notUtf8()
      }
    }
    // Hono caches the promise a body reader returns (its type says the value).
    ;(c.req.bodyCache as Record<string, unknown>).arrayBuffer = Promise.resolve(bytes.buffer)
    await next()
  })
