// createRoute for a POST that creates: documents the Idempotency-Key header and its refusals once, and
// attaches the middleware that honours it (ADR 0130). Declared and applied by the same helper, so a route
// documented as idempotent is idempotent; idempotency-coverage.test.ts fails on a creating POST without it.
// The header is a plain OpenAPI parameter, not a zod header schema: that would make `header` a required
// argument of every typed-client call. The middleware validates it.
import { createRoute, type RouteConfig } from '@hono/zod-openapi'
import { problemResponse } from '../lib/openapi.ts'
import { IDEMPOTENCY_HEADER, idempotent } from './idempotency.ts'

export const IDEMPOTENCY_PARAMETER = {
  name: IDEMPOTENCY_HEADER,
  in: 'header',
  required: false,
  description:
    'The same key and body within 24 h replays the first 2xx answer (with `Idempotency-Replayed: true`) ' +
    'instead of creating again; the key with another body is a 422, a key still in use a 409 with ' +
    'Retry-After. Refusals (4xx) are not remembered. Per user and workspace.',
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x20-\\x7E]+$' },
  example: '0b7f5a3e-3c1d-4c8e-9a51-2f0f7f3c9d11',
} as const

/**
 * Typed as the route it was given: the additions are documentation and a middleware, neither changes what a
 * handler receives or returns, and the typed client (hc<AppType>) stays as it was.
 */
export const creatingRoute = <
  P extends string,
  R extends Omit<RouteConfig, 'path'> & { path: P; method: 'post' },
>(
  route: R,
) =>
  createRoute({
    ...route,
    middleware: idempotent,
    // No creating route declares parameters of its own (path parameters come from request.params).
    parameters: [IDEMPOTENCY_PARAMETER] as NonNullable<RouteConfig['parameters']>,
    responses: {
      409: problemResponse('A request with this Idempotency-Key is still running (Retry-After)'),
      422: problemResponse('Invalid references, or this Idempotency-Key was used with another request'),
      ...route.responses,
    },
  }) as unknown as ReturnType<typeof createRoute<P, R>>
