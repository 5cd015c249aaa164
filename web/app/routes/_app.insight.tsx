// Insight (issue 14, ADR 0170): open pipeline, won and lost this month, quarter or year, win rate, days to
// close, a 12-month trend and the process's funnel; a lead sees the team per owner and can narrow to one,
// a rep sees their own deals. Links only (process, period, owner are in the URL): no JavaScript shipped.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { FigureGrid } from '~/components/insight/figures.tsx'
import { FunnelChart } from '~/components/insight/funnel-chart.tsx'
import { OwnersTable } from '~/components/insight/owners-table.tsx'
import { TrendChart } from '~/components/insight/trend-chart.tsx'
import { cardClass } from '~/components/ui/card.ts'
import { apiClient } from '~/lib/api.server.ts'
import { listProcesses, must } from '~/lib/sales.server.ts'
import type { RouteHandle } from '~/root.tsx'
import { useMe } from './_app.tsx'

export const meta: MetaFunction = () => [{ title: 'Insight · Aura CRM' }]

export const handle: RouteHandle = { hydrate: false }

const PERIODS = [
  { id: 'month', label: 'This month', name: 'this month' },
  { id: 'quarter', label: 'This quarter', name: 'this quarter' },
  { id: 'year', label: 'This year', name: 'this year' },
] as const
type Period = (typeof PERIODS)[number]['id']
const isPeriod = (v: string | null): v is Period => PERIODS.some((p) => p.id === v)

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const api = apiClient(request, context)
  const period = isPeriod(url.searchParams.get('period'))
    ? (url.searchParams.get('period') as Period)
    : 'month'
  const processId = url.searchParams.get('process') || undefined
  const ownerId = url.searchParams.get('owner') || undefined
  const [processes, insight] = await Promise.all([
    listProcesses(api, request, context),
    api.insight
      .$get({ query: { period, ...(processId ? { processId } : {}), ...(ownerId ? { ownerId } : {}) } })
      .then((r) => must(r, request, context)),
  ])
  return { processes, insight, period }
}

type Query = { process?: string | null; period?: Period; owner?: string | null }

/** The page's URL with some of its choices changed (the rest kept). */
function href(current: Required<Query>, change: Query) {
  const next = { ...current, ...change }
  const q = new URLSearchParams()
  if (next.process) q.set('process', next.process)
  if (next.period !== 'month') q.set('period', next.period)
  if (next.owner) q.set('owner', next.owner)
  const s = q.toString()
  return s ? `/insight?${s}` : '/insight'
}

const chip = (current: boolean) =>
  `inline-flex min-h-11 shrink-0 items-center rounded-md border px-3 text-sm font-medium ${
    current
      ? 'border-indigo-600 bg-indigo-50 text-indigo-800'
      : 'border-slate-200 bg-white text-slate-700 hover:bg-slate-100'
  }`

function Choices({
  label,
  items,
}: {
  label: string
  items: { to: string; text: string; current: boolean }[]
}) {
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-1">
        {items.map((i) => (
          <li key={i.to}>
            <Link to={i.to} className={chip(i.current)} aria-current={i.current ? 'page' : undefined}>
              {i.text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}

export default function Insight() {
  const me = useMe()
  const { processes, insight, period } = useLoaderData<typeof loader>()
  const lead = me.role === 'admin' || me.role === 'manager'
  const current = { process: insight.processId, period, owner: lead ? insight.ownerId : null }
  const periodName = PERIODS.find((p) => p.id === period)?.name ?? 'this month'
  const process = processes.find((p) => p.id === insight.processId)
  const owner = insight.owners.find((o) => o.userId === insight.ownerId)
  const whose = !lead ? 'Your deals' : insight.ownerId ? (owner?.name ?? 'One member') : 'The team'
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Insight</h1>
        <p className="text-sm text-slate-600">
          {whose} · {process ? process.name : 'all processes'} · {periodName}
          {lead && insight.ownerId && (
            <>
              {' · '}
              <Link to={href(current, { owner: null })} className="text-indigo-700 underline">
                Back to the team
              </Link>
            </>
          )}
        </p>
      </div>
      <div className="flex flex-col gap-2">
        <Choices
          label="Processes"
          items={[
            { to: href(current, { process: null }), text: 'All processes', current: !insight.processId },
            ...processes.map((p) => ({
              to: href(current, { process: p.id }),
              text: p.name,
              current: p.id === insight.processId,
            })),
          ]}
        />
        <Choices
          label="Period"
          items={PERIODS.map((p) => ({
            to: href(current, { period: p.id }),
            text: p.label,
            current: p.id === period,
          }))}
        />
      </div>
      <section aria-labelledby="figures-heading" className="flex flex-col gap-2">
        <h2 id="figures-heading" className="sr-only">
          Figures
        </h2>
        <FigureGrid figures={insight.totals} currency={insight.currency} periodName={periodName} />
      </section>
      <div className="grid gap-5 lg:grid-cols-2">
        <section aria-labelledby="trend-heading" className={`${cardClass} flex flex-col gap-2`}>
          <h2 id="trend-heading" className="text-lg font-semibold">
            Won per month
          </h2>
          <TrendChart months={insight.trend} currency={insight.currency} />
        </section>
        <section aria-labelledby="funnel-heading" className={`${cardClass} flex flex-col gap-2`}>
          <h2 id="funnel-heading" className="text-lg font-semibold">
            Stage conversion
          </h2>
          {process ? (
            <FunnelChart stages={insight.stages} currency={insight.currency} />
          ) : (
            <p className="text-sm text-slate-600">
              Stages differ per process: choose one above to see its funnel.
            </p>
          )}
        </section>
      </div>
      {lead && !insight.ownerId && (
        <section aria-labelledby="owners-heading" className="flex flex-col gap-2">
          <h2 id="owners-heading" className="text-lg font-semibold">
            Per owner
          </h2>
          <OwnersTable
            owners={insight.owners}
            currency={insight.currency}
            linkTo={(userId) => href(current, { owner: userId })}
          />
        </section>
      )}
    </div>
  )
}
