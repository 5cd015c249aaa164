// `/` serves two sites: the public product page on the bare root domain, a workspace's home on
// `<slug>.<root>`. The host decides which; unknown hosts and workspaces get the friendly 404.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { MarketingPage } from '~/components/marketing-page.tsx'
import { WorkspaceHome } from '~/components/workspace-home.tsx'
import { apiClient, readProblem } from '~/lib/api.server.ts'
import { errorPage } from '~/lib/errors.server.ts'
import { rootOrigin, siteFor } from '~/lib/site.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data?.kind === 'tenant'
    ? [{ title: `${data.slug} · Aura CRM` }]
    : [
        { title: 'Aura CRM: the pipeline your sales team keeps current' },
        { name: 'description', content: 'A multi-tenant CRM for small and mid-size sales teams.' },
      ]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const site = siteFor(request, context.rootDomain)
  const home = rootOrigin(request, context.rootDomain)
  if (site.kind === 'root') return { kind: 'root' as const }
  if (site.kind === 'unknown') throw errorPage(404, { kind: 'unknown-host', homeUrl: home })

  const res = await apiClient(request, context).health.$get()
  // 503 still carries a health body: the workspace exists, its database is just unreachable.
  if (res.status !== 200 && res.status !== 503) {
    const problem = await readProblem(res)
    if (problem.status === 404) throw errorPage(404, { kind: 'no-workspace', homeUrl: home })
    context.log.error('workspace home: API error', { status: problem.status, code: problem.code })
    throw errorPage(502)
  }
  return { kind: 'tenant' as const, slug: site.slug, health: await res.json() }
}

export default function Index() {
  const data = useLoaderData<typeof loader>()
  return data.kind === 'tenant' ? <WorkspaceHome slug={data.slug} health={data.health} /> : <MarketingPage />
}
