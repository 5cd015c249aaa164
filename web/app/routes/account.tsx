// The public site's home for a signed-in account: where a new account stands (email → contract →
// activation), and for a member who signed in here, the way to their workspace.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { ButtonLink } from '~/components/button-link.tsx'
import { SiteFooter, SiteHeader } from '~/components/site-header.tsx'
import { StatusSteps } from '~/components/status-steps.tsx'
import { requireUser } from '~/lib/auth.server.ts'
import { requireRootSite, workspaceOrigin } from '~/lib/root-site.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }

export const meta: MetaFunction = () => [{ title: 'Your account · Aura CRM' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireRootSite(request, context)
  const me = await requireUser(request, context)
  if (me.isPlatformAdmin) throw redirect('/platform')
  return {
    name: me.name ?? me.email,
    email: me.email,
    emailVerified: me.emailVerified,
    status: me.accountStatus,
    workspace: me.tenant && {
      companyName: me.tenant.companyName,
      url: `${workspaceOrigin(request, context.rootDomain, me.tenant.slug)}/login`,
    },
  }
}

export default function Account() {
  const account = useLoaderData<typeof loader>()
  return (
    <>
      <SiteHeader>
        <form method="post" action="/logout">
          <button
            type="submit"
            className="min-h-11 rounded-md px-3 text-sm text-slate-700 hover:bg-slate-100"
          >
            Log out
          </button>
        </form>
      </SiteHeader>
      <main id="main" className="mx-auto w-full max-w-xl flex-1 px-4 py-10">
        <h1 className="text-2xl font-semibold tracking-tight">
          {account.workspace ? 'Your workspace is ready' : 'Waiting for activation'}
        </h1>
        <p className="mt-2 text-slate-700">
          Signed in as {account.name} ({account.email}).
        </p>
        {account.workspace ? (
          <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6">
            <p className="text-slate-700">
              You work in <strong>{account.workspace.companyName}</strong>. Your data lives at its own
              address; log in there.
            </p>
            <div className="mt-4">
              <ButtonLink href={account.workspace.url}>Open {account.workspace.companyName}</ButtonLink>
            </div>
          </div>
        ) : (
          <StatusSteps
            emailVerified={account.emailVerified}
            contractSigned={account.status === 'awaiting_activation'}
          />
        )}
      </main>
      <SiteFooter />
    </>
  )
}
