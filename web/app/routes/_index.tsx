// `/` serves two sites: the public product page on the bare root domain; on `<slug>.<root>` it leads to
// the workspace (the dashboard, or its login). Unknown hosts get the friendly 404.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { MarketingPage } from '~/components/marketing-page.tsx'
import { currentUser } from '~/lib/auth.server.ts'
import { errorPage } from '~/lib/errors.server.ts'
import { rootOrigin, siteFor } from '~/lib/site.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }

export const meta: MetaFunction = () => [
  { title: 'Aura CRM: the pipeline your sales team keeps current' },
  { name: 'description', content: 'A multi-tenant CRM for small and mid-size sales teams.' },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const site = siteFor(request, context.rootDomain)
  if (site.kind === 'unknown')
    throw errorPage(404, { kind: 'unknown-host', homeUrl: rootOrigin(request, context.rootDomain) })
  if (site.kind === 'root') return null
  throw redirect((await currentUser(request, context)) ? '/dashboard' : '/login')
}

export default function Index() {
  return <MarketingPage />
}
