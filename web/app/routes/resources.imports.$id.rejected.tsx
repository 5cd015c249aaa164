// An import's rejected rows as CSV (issue 15): the API's file (row number and reason added), passed on with
// its headers. A GET link, so it downloads without JavaScript.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiClient, readProblem } from '~/lib/api.server.ts'
import { requireUser } from '~/lib/auth.server.ts'
import { errorPage } from '~/lib/errors.server.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context)
  const id = params.id ?? ''
  if (!UUID.test(id)) throw errorPage(404)
  const res = await apiClient(request, context).imports[':id'].rejected.$get({ param: { id } })
  if (!res.ok) {
    const problem = await readProblem(res)
    throw errorPage(problem.status === 404 ? 404 : problem.status === 403 ? 403 : 502)
  }
  const headers = new Headers({ 'Cache-Control': 'no-store' })
  for (const h of ['content-type', 'content-disposition', 'x-content-type-options']) {
    const v = res.headers.get(h)
    if (v) headers.set(h, v)
  }
  if (!headers.has('content-disposition'))
    headers.set('content-disposition', `attachment; filename="import-${id}-rejected.csv"`)
  return new Response(res.body, { status: 200, headers })
}
