// One error type for the whole API, rendered as RFC 9457 application/problem+json.
import type { ContentfulStatusCode } from 'hono/utils/http-status'

export type ProblemCode =
  | 'validation_failed'
  | 'unprocessable'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'idempotency_in_progress'
  | 'idempotency_key_reused'
  | 'rate_limited'
  | 'tenant_suspended'
  | 'step_up_required'
  | 'unavailable'
  | 'database_unavailable'
  | 'timeout'
  | 'internal'

const STATUS: Record<ProblemCode, ContentfulStatusCode> = {
  validation_failed: 400,
  unprocessable: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  idempotency_in_progress: 409,
  idempotency_key_reused: 422,
  rate_limited: 429,
  tenant_suspended: 403,
  step_up_required: 403,
  unavailable: 503,
  database_unavailable: 503,
  timeout: 503,
  internal: 500,
}

export interface FieldError {
  field: string
  message: string
}

export class AppError extends Error {
  readonly status: ContentfulStatusCode
  constructor(
    readonly code: ProblemCode,
    message: string,
    readonly extra: { errors?: FieldError[]; headers?: Record<string, string>; [k: string]: unknown } = {},
  ) {
    super(message)
    this.status = STATUS[code]
  }
}

/** The same refusal about a part of a larger body: each field error's path gains `prefix` (`lineItems.2`). */
export function within(prefix: string, err: unknown): unknown {
  if (!(err instanceof AppError) || !err.extra.errors) return err
  const errors = err.extra.errors.map((e) => ({ ...e, field: `${prefix}.${e.field}` }))
  return new AppError(err.code, err.message, { ...err.extra, errors })
}

export const notFound = (what = 'Resource') => new AppError('not_found', `${what} not found`)

export function problemBody(err: AppError, instance?: string) {
  const { headers: _headers, ...extra } = err.extra
  return {
    type: `https://aura.dev/problems/${err.code.replaceAll('_', '-')}`,
    title: err.message,
    status: err.status,
    code: err.code,
    ...(instance ? { instance } : {}),
    ...extra,
  }
}

/** Zod issues → the field list every 400 carries; each unknown key is named as its own field. */
export function fieldErrors(
  issues: readonly {
    path: readonly PropertyKey[]
    message: string
    code?: string
    keys?: readonly string[]
  }[],
): FieldError[] {
  const field = (path: readonly PropertyKey[]) => path.map(String).join('.') || '(body)'
  return issues.flatMap((i) =>
    i.code === 'unrecognized_keys' && i.keys
      ? i.keys.map((key) => ({ field: field([...i.path, key]), message: 'Unknown field' }))
      : [{ field: field(i.path), message: i.message }],
  )
}
