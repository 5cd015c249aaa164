import type { Health } from '~/lib/api.server.ts'
import { ButtonLink } from './button-link.tsx'
import { SiteFooter, SiteHeader } from './site-header.tsx'

/** A workspace's front door until the dashboard exists: who you are talking to and whether it is up. */
export function WorkspaceHome({ slug, health }: { slug: string; health: Health }) {
  const up = health.status === 'ok'
  return (
    <>
      <SiteHeader label={slug}>
        <ButtonLink href="/login">Log in</ButtonLink>
      </SiteHeader>
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-12">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">
          Welcome to the <span data-testid="workspace-slug">{slug}</span> workspace
        </h1>
        <p className="mt-3 max-w-2xl text-slate-700">Log in to see your pipeline, contacts and deals.</p>
        <section
          aria-labelledby="status"
          className="mt-8 max-w-md rounded-lg border border-slate-200 bg-white p-5"
        >
          <h2 id="status" className="font-semibold">
            Service status
          </h2>
          <dl className="mt-3 grid grid-cols-2 gap-y-2 text-sm">
            <dt className="text-slate-600">API</dt>
            <dd data-testid="api-status" className={up ? 'text-emerald-800' : 'text-amber-800'}>
              {up ? 'Operational' : 'Degraded'}
            </dd>
            <dt className="text-slate-600">Database</dt>
            <dd className={health.database === 'up' ? 'text-emerald-800' : 'text-amber-800'}>
              {health.database === 'up' ? `Up (${health.databaseMs ?? '?'} ms)` : 'Unreachable'}
            </dd>
          </dl>
        </section>
      </main>
      <SiteFooter />
    </>
  )
}
