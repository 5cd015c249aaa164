// The platform console (root domain, platform admins only): turn signed-up accounts into workspaces and
// run the workspaces' lifecycle. Every change is a plain form post that redirects back with a notice.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { FormError } from '~/components/form.tsx'
import { Notice } from '~/components/notice.tsx'
import { AccountsTable } from '~/components/platform/accounts-table.tsx'
import { TenantsTable } from '~/components/platform/tenants-table.tsx'
import { SiteFooter, SiteHeader } from '~/components/site-header.tsx'
import { apiClient, readProblem } from '~/lib/api.server.ts'
import { requireUser } from '~/lib/auth.server.ts'
import { errorPage } from '~/lib/errors.server.ts'
import { type FormResult, formFailure, formValues } from '~/lib/forms.server.ts'
import { requireRootSite } from '~/lib/root-site.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }

export const meta: MetaFunction = () => [{ title: 'Platform console · Aura CRM' }]

const NOTICES = {
  signed: 'Contract recorded as signed.',
  activated: 'Workspace activated.',
  suspended: 'Workspace suspended.',
  resumed: 'Workspace resumed.',
  deleted: 'Workspace archived; it is purged after its retention period.',
} as const

async function requirePlatformAdmin(request: Request, context: LoaderFunctionArgs['context']) {
  requireRootSite(request, context)
  const me = await requireUser(request, context)
  if (!me.isPlatformAdmin) throw errorPage(403)
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePlatformAdmin(request, context)
  const platform = apiClient(request, context).platform
  const [accounts, tenants] = await Promise.all([
    platform.accounts.$get({ query: { limit: '100' } }),
    platform.tenants.$get({ query: { limit: '100' } }),
  ])
  if (accounts.status !== 200 || tenants.status !== 200) {
    const problem = await readProblem(accounts.status !== 200 ? accounts : tenants)
    throw errorPage(problem.status === 403 || problem.status === 404 ? problem.status : 502)
  }
  const notice = new URL(request.url).searchParams.get('notice')
  return {
    accounts: (await accounts.json()).data,
    tenants: (await tenants.json()).data,
    notice: notice && notice in NOTICES ? NOTICES[notice as keyof typeof NOTICES] : null,
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requirePlatformAdmin(request, context)
  const values = await formValues(request)
  const platform = apiClient(request, context).platform
  const param = { id: values.id ?? '' }
  const send = async (res: Response, ok: number, notice: keyof typeof NOTICES) =>
    res.status === ok ? redirect(`/platform?notice=${notice}`) : formFailure(res, values)
  switch (values.intent) {
    case 'sign-contract':
      return send(await platform.accounts[':id'].contract.$post({ param }), 200, 'signed')
    case 'activate': {
      const json = { slug: values.slug ?? '', companyName: values.companyName ?? '' }
      return send(await platform.accounts[':id'].activate.$post({ param, json }), 201, 'activated')
    }
    case 'suspend':
      return send(await platform.tenants[':id'].suspend.$post({ param }), 200, 'suspended')
    case 'resume':
      return send(await platform.tenants[':id'].resume.$post({ param }), 200, 'resumed')
    case 'delete': {
      const json = { confirm: values.confirm ?? '' }
      return send(await platform.tenants[':id'].delete.$post({ param, json }), 200, 'deleted')
    }
    default:
      throw errorPage(400)
  }
}

export default function Platform() {
  const { accounts, tenants, notice } = useLoaderData<typeof loader>()
  const result = useActionData<FormResult>()
  return (
    <>
      <SiteHeader label="platform">
        <form method="post" action="/logout">
          <button
            type="submit"
            className="min-h-11 rounded-md px-3 text-sm text-slate-700 hover:bg-slate-100"
          >
            Log out
          </button>
        </form>
      </SiteHeader>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        <h1 className="text-2xl font-semibold tracking-tight">Platform console</h1>
        <div className="mt-4 flex flex-col gap-2">
          {notice && <Notice>{notice}</Notice>}
          <FormError message={result?.formError} />
        </div>
        <section aria-labelledby="accounts" className="mt-6">
          <h2 id="accounts" className="mb-3 text-lg font-semibold">
            Accounts awaiting a workspace
          </h2>
          <AccountsTable accounts={accounts} {...(result ? { result } : {})} />
        </section>
        <section aria-labelledby="tenants" className="mt-10">
          <h2 id="tenants" className="mb-3 text-lg font-semibold">
            Workspaces
          </h2>
          <TenantsTable tenants={tenants} {...(result ? { result } : {})} />
        </section>
      </main>
      <SiteFooter />
    </>
  )
}
