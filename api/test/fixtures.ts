// Vitest fixtures for the API suites (ADR 0152): `it` (or `apiTest(env)` for a file that needs other
// configuration) gives every test `api`, `ws` and `other` by destructuring, in place of a `beforeAll`
// repeated in every file. They are file-scoped: one API and its workspaces per test file, made the first time
// a test (or an `it.beforeAll`) asks for them and closed after the file, which is what the hand-written
// `beforeAll`/`afterAll` pairs did, so the suite costs the same. A workspace nobody asks for is never built.
//
// Replies are typed: `call(ws, who, path, init, ZDeal)` parses a 2xx body with the route's own response
// schema (so a test reads `z.infer` of what the API documents, and a body that drifts from its schema fails
// here) and a refusal with `ZProblem`.
import { z } from '@hono/zod-openapi'
import { test } from 'vitest'
import { createTestApi } from './harness.ts'
import { createWorkspace, type Member } from './workspace.ts'

export type TestApi = Awaited<ReturnType<typeof createTestApi>>
export type Workspace = Awaited<ReturnType<typeof createWorkspace>>
export type { Member }

/**
 * The fixtures of a file whose API runs with `env` (configuration overrides, e.g. a higher rate limit):
 * `api` an API on the file's test database; `ws` a workspace with an admin, a manager and a rep signed in;
 * `other` a second workspace on the same API (for cross-tenant checks).
 */
export function apiTest(env: Record<string, string> = {}) {
  return (
    test
      // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern
      .extend('api', { scope: 'file' }, async ({}, { onCleanup }) => {
        const api = await createTestApi(env)
        onCleanup(() => api.close())
        return api
      })
      .extend('ws', { scope: 'file' }, ({ api }) => createWorkspace(api))
      .extend('other', { scope: 'file' }, ({ api }) => createWorkspace(api))
  )
}

/** The fixtures with the default configuration. */
export const it = apiTest()

/** A request with a JSON body (or none). */
export const send = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
})

/** An RFC 9457 problem as the API renders every refusal (lib/problem.ts). */
export const ZProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .loose()
/** A problem's standard fields (a refusal may carry more, e.g. `requiredFields`; read those with `ZProblem`). */
export interface Problem {
  type: string
  title: string
  status: number
  code: string
  errors?: { field: string; message: string }[]
}

/**
 * What a call answered: the status and the body, parsed with the route's schema on success and with
 * `ZProblem` otherwise. The body is typed as both (the success shape with the problem's fields optional),
 * so a test reads either without narrowing; which one it is, the status says, and the parse proved.
 */
export interface Reply<T> {
  status: number
  body: T & Partial<Omit<Problem, keyof T>>
}

/** Parses a response's JSON body with `schema` when it succeeded, with `ZProblem` when it did not. */
export async function reply<S extends z.ZodType>(res: Response, schema: S): Promise<Reply<z.infer<S>>> {
  const text = await res.text()
  const json: unknown = text ? JSON.parse(text) : null
  const parsed = (res.ok ? schema : ZProblem).safeParse(json)
  if (!parsed.success)
    throw new Error(`${res.status} body does not match its schema: ${z.prettifyError(parsed.error)}\n${text}`)
  // The body as sent (a schema's parse would drop the fields it does not name, hiding them from asserts).
  return { status: res.status, body: json as Reply<z.infer<S>>['body'] }
}

/** Calls the API as a member (or anonymously with `null`) and returns the typed reply. */
export async function call<S extends z.ZodType>(
  ws: Workspace,
  who: Member | null,
  path: string,
  init: RequestInit | undefined,
  schema: S,
): Promise<Reply<z.infer<S>>> {
  return reply(await ws.as(who, path, init), schema)
}

/** No body: 204 No Content. */
export const ZNoContent = z.null()
/** A reply only its status or problem fields are asserted on (a refusal, whatever the route answers). */
export const ZRefusal = z.object({}).loose()

/** The field names of a validation problem, sorted. */
export const fields = (body: { errors?: { field: string }[] }) =>
  (body.errors ?? []).map((e) => e.field).sort()

/** `value`, or a failed test naming `what` when it is missing (in place of a `!` or an `any`). */
export function present<T>(value: T | null | undefined, what = 'a value'): T {
  if (value === null || value === undefined) throw new Error(`expected ${what}, found none`)
  return value
}
