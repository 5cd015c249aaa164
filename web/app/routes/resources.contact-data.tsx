// One contact's personal data as a download (admins, ADR 0173): the API's JSON attachment, passed on.
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiClient, readProblem } from '~/lib/api.server.ts'
import { errorPage } from '~/lib/errors.server.ts'
import { requireAdmin } from '~/lib/require-admin.server.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAdmin(request, context)
  const id = (await request.formData()).get('contactId')
  if (typeof id !== 'string' || !UUID.test(id)) throw errorPage(404)
  const res = await apiClient(request, context).contacts[':id']['personal-data'].$get({ param: { id } })
  if (!res.ok) {
    const problem = await readProblem(res)
    throw errorPage(problem.status === 404 ? 404 : problem.status === 403 ? 403 : 502)
  }
  const headers = new Headers({ 'Cache-Control': 'no-store' })
  for (const h of ['content-type', 'content-disposition']) {
    const v = res.headers.get(h)
    if (v) headers.set(h, v)
  }
  return new Response(res.body, { status: 200, headers })
}
