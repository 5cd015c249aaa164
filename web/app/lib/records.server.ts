// Loader/action helpers for the record screens (contacts, organizations, products).
import type { AppLoadContext } from '@remix-run/node'
import type { ApiClient } from './api.server.ts'
import { must } from './sales.server.ts'

/** Active members as owner choices, named for display. */
export function ownerChoices(members: { id: string; name: string | null; email: string; status: string }[]) {
  return members.filter((m) => m.status === 'active').map((m) => ({ id: m.id, name: m.name ?? m.email }))
}

/** Time zone and currency, for showing dates and money the way the workspace reads them. */
export async function workspaceLocale(api: ApiClient, request: Request, context: AppLoadContext) {
  const ws = await must(await api.workspace.$get(), request, context)
  return { timezone: ws.timezone, currency: ws.currency }
}
