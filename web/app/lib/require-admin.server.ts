import type { AppLoadContext } from '@remix-run/node'
import { requireUser } from './auth.server.ts'
import { errorPage } from './errors.server.ts'

/** Admin-only workspace pages: others get the friendly 403 (the API would refuse them anyway). */
export async function requireAdmin(request: Request, context: AppLoadContext) {
  const me = await requireUser(request, context)
  if (me.role !== 'admin') throw errorPage(403)
  return me
}
