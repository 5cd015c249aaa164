// Who is signed in on this host, asked of the API (/me) with the browser's cookie.
import { type AppLoadContext, redirect } from '@remix-run/node'
import type { InferResponseType } from 'hono/client'
import { type ApiClient, apiClient, readProblem } from './api.server.ts'
import { errorPage } from './errors.server.ts'
import { rootOrigin } from './site.server.ts'

export type Me = InferResponseType<ApiClient['me']['$get'], 200>

/**
 * One /me call per request: a page's loader asks for the user and for its locale (which needs the user's
 * time zone), and each would otherwise call the API again.
 */
const asked = new WeakMap<Request, Promise<Me | null>>()

export function currentUser(request: Request, context: AppLoadContext): Promise<Me | null> {
  let me = asked.get(request)
  if (!me) {
    me = fetchCurrentUser(request, context)
    asked.set(request, me)
  }
  return me
}

async function fetchCurrentUser(request: Request, context: AppLoadContext): Promise<Me | null> {
  const res = await apiClient(request, context).me.$get()
  if (res.status === 200) return (await res.json()) as Me
  if (res.status === 401) return null
  // The workspace itself is missing or suspended, or the cookie belongs elsewhere: say so plainly.
  const problem = await readProblem(res)
  const homeUrl = rootOrigin(request, context.rootDomain)
  if (problem.code === 'tenant_suspended') throw errorPage(403, { kind: 'suspended', homeUrl })
  if (problem.status === 404) throw errorPage(404, { kind: 'no-workspace', homeUrl })
  if (problem.status === 403) throw errorPage(403)
  context.log.error('me: API error', { status: problem.status, code: problem.code })
  throw errorPage(502)
}

/** The signed-in user, or a redirect to this host's login page that comes back here afterwards. */
export async function requireUser(request: Request, context: AppLoadContext): Promise<Me> {
  const me = await currentUser(request, context)
  if (me) return me
  const url = new URL(request.url)
  throw redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`)
}
