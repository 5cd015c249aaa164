// The dashboard: my day (open tasks, with Done and Reschedule), the pipeline of one process (switchable), my
// open deals and recent activity, all from one loader whose API calls run in parallel.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { PipelineChart } from '~/components/sales/pipeline-chart.tsx'
import { ProcessSwitcher } from '~/components/sales/process-switcher.tsx'
import { MyDay } from '~/components/tasks/my-day.tsx'
import { cardClass } from '~/components/ui/card.ts'
import { apiClient } from '~/lib/api.server.ts'
import { requireUser } from '~/lib/auth.server.ts'
import { errorPage } from '~/lib/errors.server.ts'
import { formatDate, formatMoney } from '~/lib/money.ts'
import { listProcesses, must } from '~/lib/sales.server.ts'
import { taskIntent } from '~/lib/task-actions.server.ts'
import { formatInZone } from '~/lib/zoned-time.ts'
import type { RouteHandle } from '~/root.tsx'
import { useMe } from './_app.tsx'

export const meta: MetaFunction = () => [{ title: 'Dashboard · Aura CRM' }]

// Links and plain forms only: the dashboard ships no JavaScript.
export const handle: RouteHandle = { hydrate: false }

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = apiClient(request, context)
  const processId = new URL(request.url).searchParams.get('process') ?? undefined
  const [me, workspace, processes, summary, activities, tasks] = await Promise.all([
    requireUser(request, context),
    api.workspace.$get().then((r) => must(r, request, context)),
    listProcesses(api, request, context),
    api['pipeline-summary']
      .$get({ query: processId ? { processId } : {} })
      .then((r) => must(r, request, context)),
    api.activities.$get({ query: { limit: '5' } }).then(async (r) => (r.ok ? (await r.json()).data : [])),
    api.tasks.$get({ query: { assignee: 'me', limit: '25' } }).then((r) => must(r, request, context)),
  ])
  const myDeals = await api.deals
    .$get({
      query: { assignedUserId: me.id, status: 'open', limit: '5', sort: 'closeDate', direction: 'asc' },
    })
    .then((r) => must(r, request, context))
  return {
    currency: workspace.currency,
    processes,
    summary,
    myDeals: myDeals.data,
    activities,
    tasks: tasks.data,
    now: Date.now(),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData()
  const api = apiClient(request, context, form)
  const answered = await taskIntent(request, context, { api, form, back: new URL(request.url).pathname })
  if (answered) return answered
  throw errorPage(400)
}

export default function Dashboard() {
  const me = useMe()
  const { currency, processes, summary, myDeals, activities, tasks, now } = useLoaderData<typeof loader>()
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold tracking-tight">Welcome, {me.name ?? me.email}</h1>
      <div className={cardClass}>
        <MyDay tasks={tasks} timezone={me.effectiveTimezone} now={now} />
      </div>
      <section aria-labelledby="pipeline-heading" className={`${cardClass} flex flex-col gap-3`}>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="pipeline-heading" className="text-lg font-semibold">
            Pipeline: {summary.processName}
          </h2>
          <p className="text-sm text-slate-600">
            {summary.totals.openCount} open · {formatMoney(summary.totals.openAmount, currency)} · weighted{' '}
            {formatMoney(summary.totals.openWeightedAmount, currency)}
          </p>
        </div>
        <ProcessSwitcher processes={processes} currentId={summary.processId} path="/dashboard" />
        <PipelineChart
          caption={`Deals per stage in ${summary.processName}`}
          stages={summary.stages}
          currency={currency}
        />
        <Link
          to={`/board?process=${summary.processId}`}
          className="self-start text-sm text-indigo-700 underline"
        >
          Open the {summary.processName} board
        </Link>
      </section>
      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="my-deals-heading" className={cardClass}>
          <h2 id="my-deals-heading" className="mb-2 text-lg font-semibold">
            My open deals
          </h2>
          {myDeals.length === 0 ? (
            <p className="text-sm text-slate-600">No open deals assigned to you.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {myDeals.map((d) => (
                <li key={d.id} className="flex flex-wrap items-center justify-between gap-x-3 py-2">
                  <Link
                    to={`/deals/${d.id}`}
                    className="min-h-11 content-center font-medium text-indigo-700 underline"
                  >
                    {d.name}
                  </Link>
                  <span className="text-sm text-slate-600">
                    {d.stageName} · {formatMoney(d.amount, d.currency)} · closes {formatDate(d.closeDate)}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <Link
            to={`/deals?assignedUserId=${me.id}&status=open`}
            className="mt-2 inline-block text-sm text-indigo-700 underline"
          >
            All my open deals
          </Link>
        </section>
        <section aria-labelledby="activity-heading" className={cardClass}>
          <h2 id="activity-heading" className="mb-2 text-lg font-semibold">
            Recent activity
          </h2>
          {activities.length === 0 ? (
            <p className="text-sm text-slate-600">Nothing logged yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {activities.map((a) => (
                <li key={a.id} className="py-2 text-sm">
                  <span className="font-medium capitalize">{a.type}</span>
                  {a.subject && <>: {a.subject}</>}
                  <span className="block text-slate-600">
                    {formatInZone(a.occurredAt, me.effectiveTimezone)} ·{' '}
                    <Link to={`/contacts/${a.contactId}`} className="text-indigo-700 underline">
                      contact
                    </Link>
                    {a.dealId && (
                      <>
                        {' · '}
                        <Link to={`/deals/${a.dealId}`} className="text-indigo-700 underline">
                          deal
                        </Link>
                      </>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  )
}
