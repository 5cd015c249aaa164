// Local mode only: the emails the app queued, with their links clickable, so a developer (and the e2e
// journeys) can follow verification, reset and invitation links without a mail server.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Linkified } from '~/components/linkified.tsx'
import { SiteFooter, SiteHeader } from '~/components/site-header.tsx'
import { apiClient, readProblem } from '~/lib/api.server.ts'
import { errorPage } from '~/lib/errors.server.ts'
import { requireRootSite } from '~/lib/root-site.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }

export const meta: MetaFunction = () => [{ title: 'Local outbox · Aura CRM' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireRootSite(request, context)
  const res = await apiClient(request, context).platform.outbox.$get()
  if (res.status === 200) return (await res.json()).data
  const problem = await readProblem(res)
  throw errorPage(problem.status === 404 ? 404 : 502)
}

export default function Outbox() {
  const emails = useLoaderData<typeof loader>()
  return (
    <>
      <SiteHeader label="outbox" />
      <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-8">
        <h1 className="text-2xl font-semibold tracking-tight">Local outbox</h1>
        <p className="mt-2 text-sm text-slate-600">
          The newest emails, as they would be sent. Only available in local mode.
        </p>
        {emails.length === 0 ? (
          <p className="mt-6 text-slate-700">No emails yet.</p>
        ) : (
          <ul className="mt-6 flex flex-col gap-4">
            {emails.map((email) => (
              <li key={email.id} className="rounded-lg border border-slate-200 bg-white p-4">
                <article aria-label={`${email.subject} to ${email.to}`}>
                  <h2 className="font-semibold break-words">{email.subject}</h2>
                  <p className="mt-1 text-sm break-all text-slate-600">
                    To {email.to} · {email.status} ·{' '}
                    <time dateTime={email.createdAt}>{email.createdAt.replace('T', ' ').slice(0, 19)}</time>
                  </p>
                  <div className="mt-3 text-sm break-words whitespace-pre-line text-slate-800">
                    <Linkified text={email.text} />
                  </div>
                </article>
              </li>
            ))}
          </ul>
        )}
      </main>
      <SiteFooter />
    </>
  )
}
