// The one place the web talks to the API. The client addresses the API by the request's own origin
// (`http://acme.localhost:3000/api/v1/...`) because the API reads the tenant from the URL's hostname;
// a hand-set Host header would be dropped by Node's fetch.
import type { AppType } from '@aura/api'
import type { AppLoadContext } from '@remix-run/node'
import { hc, type InferResponseType } from 'hono/client'
import { IDEMPOTENCY_FIELD } from './idempotency.ts'

/**
 * `form`: the submitted form's values. A creating form's idempotency key (IdempotencyKeyField) goes to the
 * API as Idempotency-Key on POSTs only; routes that create nothing ignore it (ADR 0130).
 */
export function apiClient(
  request: Request,
  context: AppLoadContext,
  form?: FormData | Record<string, string>,
) {
  const headers: Record<string, string> = { 'x-request-id': context.requestId }
  const cookie = request.headers.get('cookie')
  if (cookie) headers.cookie = cookie
  const field = form instanceof FormData ? form.get(IDEMPOTENCY_FIELD) : form?.[IDEMPOTENCY_FIELD]
  const key = typeof field === 'string' && field ? field : undefined
  const fetch: typeof globalThis.fetch = key
    ? (input, init) => {
        if ((init?.method ?? 'GET').toUpperCase() !== 'POST') return context.apiFetch(input, init)
        const withKey = new Headers(init?.headers)
        withKey.set('Idempotency-Key', key)
        return context.apiFetch(input, { ...init, headers: withKey })
      }
    : context.apiFetch
  return hc<AppType>(new URL(request.url).origin, { fetch, headers }).api.v1
}

export type ApiClient = ReturnType<typeof apiClient>

// A route whose path is typed `string` rather than a literal (e.g. built by a helper taking `path: string`)
// turns the whole client into an index signature and every answer type into any, silently. Then this
// line no longer compiles.
type LiteralKeys<T> = string extends keyof T ? never : keyof T
export const CLIENT_HAS_LITERAL_PATHS: LiteralKeys<ApiClient> = 'health'
export type Health = InferResponseType<ApiClient['health']['$get']>

/** The API speaks RFC 9457; this is the part the web reads to choose what page or message to show. */
export interface Problem {
  status: number
  code: string
  title: string
}

export interface FieldProblem {
  field: string
  message: string
}

/** Any API answer: a fetch Response or the typed client's response (the same object, typed per route). */
export interface ProblemSource {
  status: number
  statusText: string
  json(): Promise<unknown>
}

export async function readProblem(res: ProblemSource): Promise<Problem & { errors: FieldProblem[] }> {
  const body = (await res.json().catch(() => ({}))) as Partial<Problem> & { errors?: FieldProblem[] }
  return {
    status: res.status,
    code: body.code ?? 'unknown',
    title: body.title ?? res.statusText,
    errors: Array.isArray(body.errors) ? body.errors : [],
  }
}

/** The API's Set-Cookie headers (login, logout, session renewal), to pass on to the browser. */
export function cookiesFrom(res: Response, headers = new Headers()): Headers {
  for (const cookie of res.headers.getSetCookie()) headers.append('Set-Cookie', cookie)
  return headers
}
