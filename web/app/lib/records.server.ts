// Loader/action helpers for the record screens (contacts, organizations, products).
import type { AppLoadContext } from '@remix-run/node'
import type { ApiClient } from './api.server.ts'
import { requireUser } from './auth.server.ts'
import { must } from './sales.server.ts'

/** Active members as owner choices, named for display. */
export function ownerChoices(members: { id: string; name: string | null; email: string; status: string }[]) {
  return members.filter((m) => m.status === 'active').map((m) => ({ id: m.id, name: m.name ?? m.email }))
}

/**
 * The time zone and currency a page shows times and money in: the signed-in user's own zone, else the
 * workspace's (/me's `effectiveTimezone`, ADR 0164), and the workspace's currency. Every page that shows a
 * time takes its zone from here (or from `useMe()` for pages without this loader), so one instant reads the
 * same everywhere.
 */
export async function workspaceLocale(api: ApiClient, request: Request, context: AppLoadContext) {
  const [ws, me] = await Promise.all([
    api.workspace.$get().then((r) => must(r, request, context)),
    requireUser(request, context),
  ])
  return { timezone: me.effectiveTimezone, currency: ws.currency }
}
