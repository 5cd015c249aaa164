// Loader helpers for the sales screens: unwrap an API answer or turn a refusal into the friendly error
// page, and the small lookups (processes, members, organizations) several screens share.
import { type AppLoadContext, redirect } from '@remix-run/node'
import { type ApiClient, type ProblemSource, readProblem } from './api.server.ts'
import { errorPage } from './errors.server.ts'

interface AnyResponse extends ProblemSource {
  ok: boolean
}
type OkBody<R> = R extends { status: 200 | 201; json(): Promise<infer T> } ? T : never

/** The 2xx body, or: 401 → login, 403/404 → the friendly page, anything else → a calm 502. */
export async function must<R extends AnyResponse>(
  res: R,
  request: Request,
  context: AppLoadContext,
): Promise<OkBody<R>> {
  if (res.ok) return (await res.json()) as OkBody<R>
  const problem = await readProblem(res)
  if (problem.status === 401) {
    const url = new URL(request.url)
    throw redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`)
  }
  if (problem.status === 403 || problem.status === 404) throw errorPage(problem.status)
  // The API's per-user rate limit (NFR-S7) counts the web's own calls too; say "try again" plainly.
  if (problem.status === 429) throw errorPage(429)
  context.log.error('sales: API error', { status: problem.status, code: problem.code })
  throw errorPage(502)
}

export type Process = OkBody<Awaited<ReturnType<ApiClient['processes']['$get']>>>['data'][number]
export type Deal = OkBody<Awaited<ReturnType<ApiClient['deals'][':id']['$get']>>>
export type Summary = OkBody<Awaited<ReturnType<ApiClient['pipeline-summary']['$get']>>>
export type Member = { id: string; name: string | null; email: string; role: string; status: string }
export type Org = { id: string; name: string }

export const canReassign = (role: string) => role === 'admin' || role === 'manager'
/** Line margins follow cost, which reps may not read; the API sends them null (ADR 0140). */
export const seesMargins = (role: string) => role === 'admin' || role === 'manager'

/** Members read at most: a team Aura is sold to has up to 300 people; this bounds a runaway workspace. */
const MEMBERS_READ = 1_000

/**
 * Every member, for owner names and owner choices: the API's pages of 100 followed to the end (a team of
 * 10–300 people is one to three pages). Stopping at the first page named members past it "?" and left
 * them out of every owner choice.
 */
export async function listMembers(api: ApiClient, request: Request, context: AppLoadContext) {
  const members: { id: string; name: string | null; email: string; role: string; status: string }[] = []
  let cursor: string | null = null
  do {
    const query: { limit: string; cursor?: string } = { limit: '100', ...(cursor ? { cursor } : {}) }
    const body = await must(await api.users.$get({ query }), request, context)
    members.push(...body.data.map(({ id, name, email, role, status }) => ({ id, name, email, role, status })))
    cursor = body.nextCursor
  } while (cursor && members.length < MEMBERS_READ)
  return members
}

/**
 * The choices of an organization select: the first 100, plus `chosen` (the record's own organization) when
 * it is not among them — a big tenant's record links to one far down the list, and a select without its
 * value would show (and save) the first choice instead.
 */
export async function listOrganizations(
  api: ApiClient,
  request: Request,
  context: AppLoadContext,
  chosen?: string | null,
) {
  const body = await must(await api.organizations.$get({ query: { limit: '100' } }), request, context)
  const list = body.data.map(({ id, name }) => ({ id, name }))
  if (!chosen || list.some((o) => o.id === chosen)) return list
  const one = await organizationChoice(api, chosen)
  return one ? [...list, one] : list
}

/** The names of these organizations (a page's rows), in one read; ids no longer visible are left out. */
export async function organizationNames(
  api: ApiClient,
  request: Request,
  context: AppLoadContext,
  ids: (string | null | undefined)[],
): Promise<Record<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))]
  if (wanted.length === 0) return {}
  const query = { ids: wanted.join(','), limit: String(wanted.length) }
  const body = await must(await api.organizations.$get({ query }), request, context)
  return Object.fromEntries(body.data.map((o) => [o.id, o.name]))
}

/** One organization as a choice (its name for a record's facts); none when unset or no longer visible. */
export async function organizationChoice(api: ApiClient, id: string | null | undefined) {
  if (!id) return undefined
  const res = await api.organizations[':id'].$get({ param: { id } })
  return res.ok ? (({ id, name }) => ({ id, name }))(await res.json()) : undefined
}

export async function listProcesses(api: ApiClient, request: Request, context: AppLoadContext) {
  return (await must(await api.processes.$get({ query: {} }), request, context)).data
}

/** Drops empty strings so a GET filter form only sends what the user set. */
export function present(params: URLSearchParams, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const k of keys) {
    const v = params.get(k)?.trim()
    if (v) out[k] = v
  }
  return out
}

/** The choices of a contact select: the first 100, plus `chosen` when it is not among them (see above). */
export async function listContacts(
  api: ApiClient,
  request: Request,
  context: AppLoadContext,
  chosen?: string | null,
) {
  const body = await must(await api.contacts.$get({ query: { limit: '100' } }), request, context)
  const list = body.data.map(({ id, fullName }) => ({ id, name: fullName }))
  if (!chosen || list.some((c) => c.id === chosen)) return list
  const one = await contactChoice(api, chosen)
  return one ? [...list, one] : list
}

/** One contact as a choice (its name for a record's facts); none when unset or no longer visible. */
export async function contactChoice(api: ApiClient, id: string | null | undefined) {
  if (!id) return undefined
  const res = await api.contacts[':id'].$get({ param: { id } })
  return res.ok ? (({ id, fullName }) => ({ id, name: fullName }))(await res.json()) : undefined
}

/** Form text → API value: '' means "not set" (undefined) or, when clearing is allowed, null. */
export const optional = (v: string | undefined) => (v?.trim() ? v.trim() : undefined)
export const nullable = (v: string | undefined) => (v?.trim() ? v.trim() : null)
