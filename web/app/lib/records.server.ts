// Loader/action helpers for the record screens (contacts, organizations, products).
import type { AppLoadContext } from '@remix-run/node'
import type { ApiClient } from './api.server.ts'
import { must, nullable } from './sales.server.ts'

/** Form values → the contact body; '' clears a field (null), the owner is sent only when chosen. */
export function contactBody(values: Record<string, string>, canReassign: boolean) {
  return {
    firstName: values.firstName ?? '',
    lastName: nullable(values.lastName),
    email: nullable(values.email),
    phone: nullable(values.phone),
    title: nullable(values.title),
    organizationId: nullable(values.organizationId),
    ...(canReassign && values.assignedUserId ? { assignedUserId: values.assignedUserId } : {}),
  }
}

/** Active members as owner choices, named for display. */
export function ownerChoices(members: { id: string; name: string | null; email: string; status: string }[]) {
  return members.filter((m) => m.status === 'active').map((m) => ({ id: m.id, name: m.name ?? m.email }))
}

/** Time zone and currency, for showing dates and money the way the workspace reads them. */
export async function workspaceLocale(api: ApiClient, request: Request, context: AppLoadContext) {
  const ws = await must(await api.workspace.$get(), request, context)
  return { timezone: ws.timezone, currency: ws.currency }
}
