// The platform console (root domain, platform admins only): turn signed-up accounts into workspaces and
// run the workspaces' lifecycle. Every change is a plain form post that redirects back with a notice.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import type { $ZodType, output } from 'zod/v4/core'
import { FormErrors } from '~/components/form.tsx'
import { Notice } from '~/components/notice.tsx'
import { AccountsTable } from '~/components/platform/accounts-table.tsx'
import { TenantsTable } from '~/components/platform/tenants-table.tsx'
import { SiteFooter, SiteHeader } from '~/components/site-header.tsx'
import { apiClient, type ProblemSource, readProblem } from '~/lib/api.server.ts'
import { requireUser } from '~/lib/auth.server.ts'
import { errorPage } from '~/lib/errors.server.ts'
import { invalid, parseForm, refusal } from '~/lib/forms.server.ts'
import { ZActivateForm, ZDeleteTenantForm, ZPlatformTarget } from '~/lib/platform-forms.server.ts'
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
  const form = await request.formData()
  const platform = apiClient(request, context).platform
  /** Parses the form, makes the one API call, and redirects back with its notice (or answers the refusal). */
  const send = async <S extends $ZodType>(
    schema: S,
    call: (value: output<S>) => Promise<ProblemSource>,
    ok: number,
    notice: keyof typeof NOTICES,
  ) => {
    const submission = parseForm(form, schema)
    if (submission.status !== 'success') return invalid(submission)
    const res = await call(submission.value)
    return res.status === ok ? redirect(`/platform?notice=${notice}`) : refusal(submission, res)
  }
  const accounts = platform.accounts[':id']
  const tenants = platform.tenants[':id']
  switch (form.get('intent')) {
    case 'sign-contract':
      return send(ZPlatformTarget, (param) => accounts.contract.$post({ param }), 200, 'signed')
    case 'activate':
      return send(
        ZActivateForm,
        ({ id, ...json }) => accounts.activate.$post({ param: { id }, json }),
        201,
        'activated',
      )
    case 'suspend':
      return send(ZPlatformTarget, (param) => tenants.suspend.$post({ param }), 200, 'suspended')
    case 'resume':
      return send(ZPlatformTarget, (param) => tenants.resume.$post({ param }), 200, 'resumed')
    case 'delete':
      return send(
        ZDeleteTenantForm,
        ({ id, ...json }) => tenants.delete.$post({ param: { id }, json }),
        200,
        'deleted',
      )
    default:
      throw errorPage(400)
  }
}

export default function Platform() {
  const { accounts, tenants, notice } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
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
          {/* Every refusal's title shows here; the row that was sent also shows its fields' errors. */}
          <FormErrors errors={result?.error?.[''] ?? undefined} />
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
