// The deals list's Organization filter is a name typed in a box (issue 13). A select of every organization
// held only the first 100 (one list read) and put those 100 options in every view of the list, where a
// phone pays for each in style and layout. The name becomes the API's `organizationId` here: one match, or
// one with exactly that name, redirects to the list filtered by its id (the URL saved views, chips and
// pages carry); several are offered as links to choose from; none is said above the list.
import type { AppLoadContext } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import type { ApiClient } from './api.server.ts'
import { ORGANIZATION_NAME, type OrganizationFilter } from './organization-filter.ts'
import { must } from './sales.server.ts'

const CHOICES = 10

/** Throws the redirect for a name that names one organization; otherwise says what the list shows. */
export async function organizationFilter(
  api: ApiClient,
  request: Request,
  context: AppLoadContext,
): Promise<OrganizationFilter> {
  const url = new URL(request.url)
  const typed = url.searchParams.get(ORGANIZATION_NAME)?.trim()
  if (!typed) return { kind: 'none' }
  const found = await must(
    await api.organizations.$get({ query: { q: typed, limit: String(CHOICES) } }),
    request,
    context,
  )
  const exact = found.data.filter((o) => o.name.toLowerCase() === typed.toLowerCase())
  const listFor = (id: string) => {
    const params = new URLSearchParams(url.searchParams)
    params.delete(ORGANIZATION_NAME)
    params.delete('cursor')
    params.set('organizationId', id)
    return `${url.pathname}?${params}`
  }
  const one = exact.length === 1 ? exact[0] : found.data.length === 1 ? found.data[0] : undefined
  if (one) throw redirect(listFor(one.id))
  if (found.data.length === 0) return { kind: 'unknown', typed }
  return {
    kind: 'choose',
    typed,
    choices: found.data.map((o) => ({ name: o.name, href: listFor(o.id) })),
  }
}
