// Saved views of a list (issue 13): the user's named filter sets, kept by the API (private to them). The
// list's URL is its state, so a view is a link to the list with its filters, and the page's forms post to
// the list's own URL: the filters to save are the ones in the address, exactly what the user is looking at.
import { type AppLoadContext, data } from '@remix-run/node'
import { z } from 'zod'
import { type ApiClient, apiClient } from './api.server.ts'
import { redirectWithFlash } from './flash.server.ts'
import { type FormReply, invalid, parseForm, refusal } from './forms.server.ts'
import { ZCreateSavedView } from './inputs.server.ts'
import { must, present } from './sales.server.ts'

export interface SavedView {
  id: string
  name: string
  /** The list's query as saved: numbers come back as numbers. */
  filters: Record<string, string | number>
}

export async function listSavedViews(api: ApiClient, request: Request, context: AppLoadContext) {
  const res = await api['saved-views'].$get({ query: { list: 'deals' } })
  const { data } = await must(res, request, context)
  return data.map(({ id, name, filters }): SavedView => ({ id, name, filters }))
}

/** Filters as the list's query string, in the list's key order: equal filters give equal strings. */
export function viewQuery(filters: Record<string, string | number | undefined>, keys: readonly string[]) {
  const pairs = keys.flatMap((k) => (filters[k] === undefined ? [] : [[k, String(filters[k])]]))
  return new URLSearchParams(pairs).toString()
}

/** The saved view the list shows now: the one whose filters are exactly the address's. */
export function currentView(views: SavedView[], filters: Record<string, string>, keys: readonly string[]) {
  const now = viewQuery(filters, keys)
  return views.find((v) => viewQuery(v.filters, keys) === now) ?? null
}

const ZViewName = z.object({ name: ZCreateSavedView.shape.name })
const ZViewId = z.object({ viewId: z.uuid() })

/** The list page's view forms: save what is shown, rename or delete the view shown. */
export async function savedViewAction(
  request: Request,
  context: AppLoadContext,
  list: { path: string; keys: readonly string[] },
) {
  const form = await request.formData()
  const api = apiClient(request, context, form)
  const filters = present(new URL(request.url).searchParams, list.keys)
  const query = viewQuery(filters, list.keys)
  const here = query ? `${list.path}?${query}` : list.path
  const views = api['saved-views']
  switch (form.get('intent')) {
    case 'save-view': {
      const s = parseForm(form, ZViewName)
      if (s.status !== 'success') return invalid(s)
      const res = await views.$post({ json: { list: 'deals', name: s.value.name, filters } })
      return res.ok ? redirectWithFlash(request, here, 'view.saved', s.value.name) : refusal(s, res)
    }
    case 'rename-view': {
      const s = parseForm(form, ZViewName.extend(ZViewId.shape))
      if (s.status !== 'success') return invalid(s)
      const res = await views[':id'].$patch({ param: { id: s.value.viewId }, json: { name: s.value.name } })
      return res.ok ? redirectWithFlash(request, here, 'view.renamed', s.value.name) : refusal(s, res)
    }
    case 'delete-view': {
      const s = parseForm(form, ZViewId)
      if (s.status !== 'success') return invalid(s)
      const res = await views[':id'].$delete({ param: { id: s.value.viewId } })
      return res.ok ? redirectWithFlash(request, here, 'view.deleted') : refusal(s, res)
    }
    default: {
      const s = parseForm(form, z.object({}))
      return data<FormReply>(s.reply({ formErrors: ['Unknown action'] }), { status: 400 })
    }
  }
}
