// Idempotency-Key on creating POSTs (ADR 0130). With the header, this middleware opens the caller's tenant
// transaction itself, claims the key in it, lets the handler run inside it (memberTx joins it), and writes
// the handler's 2xx answer beside the key before the one commit. So a key is stored exactly when the create
// committed; a retry replays the stored answer; a concurrent duplicate waits on the key's primary key and
// then replays (or gets 409 past the lock limit, ADR 0094). Without the header nothing changes.
import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { sha256 } from 'oslo/crypto'
import { encodeHex } from 'oslo/encoding'
import type { AppEnv } from '../context.ts'
import { AppError } from '../lib/problem.ts'
import type { SharedTx } from '../lib/shared-tx.ts'
import { callerTx } from '../services/auth/caller-tx.ts'
import {
  answerKey,
  claimKey,
  type KeyRef,
  type StoredAnswer,
  storedAnswer,
} from '../services/idempotency/idempotency-keys.ts'
import { requireMember } from './auth.ts'

export const IDEMPOTENCY_HEADER = 'Idempotency-Key'
/** 1–255 printable ASCII characters (space to tilde), e.g. a UUID. */
const KEY_SYNTAX = /^[\x20-\x7e]{1,255}$/

/** The handler's answer was not 2xx (or never joined): roll back the claim with it, keep the answer. */
class NotStored extends Error {}

export const idempotent = createMiddleware<AppEnv>(async (c, next) => {
  const raw = c.req.header(IDEMPOTENCY_HEADER)
  if (raw === undefined) return next()
  if (!KEY_SYNTAX.test(raw)) {
    throw new AppError('validation_failed', 'Some fields are invalid', {
      errors: [{ field: IDEMPOTENCY_HEADER, message: 'Use 1 to 255 printable ASCII characters' }],
    })
  }
  const actor = requireMember(c)
  const ref: KeyRef = { tenantId: actor.tenantId, userId: actor.userId, key: raw }
  const requestHash = await fingerprint(c)
  const replay = await callerTx(c.get('deps').db, actor, async (tx) => {
    if (!(await claimKey(tx, ref, requestHash))) return (await storedAnswer(tx, ref)) ?? inProgress()
    const shared: SharedTx = { tenantId: ref.tenantId, userId: ref.userId, tx, joined: 0 }
    c.set('sharedTx', shared)
    try {
      await next()
    } finally {
      c.set('sharedTx', undefined)
    }
    // A refused create (4xx) is not stored: the client may correct the body and retry with the same key.
    if (c.error || c.res.status < 200 || c.res.status > 299) throw new NotStored()
    if (shared.joined === 0) {
      c.get('log').error('keyed create did not run in the request transaction', { path: c.req.path })
      throw new NotStored()
    }
    await answerKey(tx, ref, {
      status: c.res.status,
      body: await c.res.clone().text(),
      contentType: c.res.headers.get('content-type'),
      location: c.res.headers.get('location'),
    })
    return null
  }).catch((err: unknown) => {
    if (err instanceof NotStored) return null
    throw err
  })
  if (!replay) return
  if (replay.requestHash !== requestHash) {
    throw new AppError('idempotency_key_reused', 'This Idempotency-Key was used with another request', {
      errors: [{ field: IDEMPOTENCY_HEADER, message: 'Already used with a different method, path or body' }],
    })
  }
  return replayed(c, replay)
})

/** A key row without an answer is never committed; reading one means a writer is mid-flight. */
function inProgress(): never {
  throw new AppError('idempotency_in_progress', 'A request with this Idempotency-Key is still running', {
    headers: { 'Retry-After': '1' },
  })
}

function replayed(c: Context<AppEnv>, answer: StoredAnswer) {
  if (answer.status === null) return inProgress()
  const headers: Record<string, string> = { 'Idempotency-Replayed': 'true' }
  if (answer.contentType) headers['Content-Type'] = answer.contentType
  if (answer.location) headers.Location = answer.location
  return c.body(answer.responseBody ?? '', answer.status as 201, headers)
}

/** SHA-256 over method, path and the raw body bytes (hex): the request a key stands for. */
async function fingerprint(c: Context<AppEnv>): Promise<string> {
  const head = new TextEncoder().encode(`${c.req.method} ${c.req.path}\n`)
  const body = new Uint8Array(await c.req.arrayBuffer())
  const bytes = new Uint8Array(head.length + body.length)
  bytes.set(head)
  bytes.set(body, head.length)
  return encodeHex(await sha256(bytes))
}
