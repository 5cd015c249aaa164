import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { apiClient, cookiesFrom } from '~/lib/api.server.ts'

export async function action({ request, context }: ActionFunctionArgs) {
  const res = await apiClient(request, context).auth.logout.$post()
  return redirect('/login', { headers: cookiesFrom(res) })
}

export const loader = () => redirect('/')
