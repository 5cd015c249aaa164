import type { AppLoadContext } from '@remix-run/node'
import { requireUser } from './auth.server.ts'
import { errorPage } from './errors.server.ts'
import { seesSettings } from './member-access.ts'

/** Admin-only workspace pages: others get the friendly 403 (the API would refuse them anyway). */
export async function requireAdmin(request: Request, context: AppLoadContext) {
  const me = await requireUser(request, context)
  if (me.role !== 'admin') throw errorPage(403)
  return me
}

/** The settings area's door: admins, and managers for the Users page (ADR 0167); reps get the 403. */
export async function requireSettingsMember(request: Request, context: AppLoadContext) {
  const me = await requireUser(request, context)
  if (!me.role || !seesSettings(me.role)) throw errorPage(403)
  return { ...me, role: me.role }
}
