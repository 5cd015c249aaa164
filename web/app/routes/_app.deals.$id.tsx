// The deal page, a record (issue 13): where it stands (a strip of stages, one tap to move; Won, Lost with a
// reason, an explicit Reopen), its key facts with the edits one disclosure away, logging an activity and
// one timeline of activities and stage changes, its products, and what changed, in sentences. Every part
// is a plain link or form, so the page ships no app JavaScript (issue 13: Lighthouse mobile; ADR 0166).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { LogActivityForm } from '~/components/records/log-activity.tsx'
import { Timeline } from '~/components/records/timeline.tsx'
import { DealChanges } from '~/components/sales/deal-changes.tsx'
import {
  AmountForm,
  DEAL_DETAILS,
  DetailsForm,
  OwnerPicker,
  ProcessMoveForm,
} from '~/components/sales/deal-edit-forms.tsx'
import { DealFacts } from '~/components/sales/deal-facts.tsx'
import { DealProgress } from '~/components/sales/deal-progress.tsx'
import { LineItems } from '~/components/sales/line-items.tsx'
import { NextSteps } from '~/components/tasks/next-steps.tsx'
import { cardClass } from '~/components/ui/card.ts'
import { Disclosure } from '~/components/ui/disclosure.tsx'
import { LinkDisclosure } from '~/components/ui/link-disclosure.tsx'
import { apiClient } from '~/lib/api.server.ts'
import { requireUser } from '~/lib/auth.server.ts'
import { dealAction } from '~/lib/deal-actions.server.ts'
import { dealTimeline } from '~/lib/deal-timeline.ts'
import { replyFor } from '~/lib/form-reply.ts'
import { formatMoney } from '~/lib/money.ts'
import { workspaceLocale } from '~/lib/records.server.ts'
import {
  canReassign,
  contactChoice,
  listContacts,
  listMembers,
  listOrganizations,
  listProcesses,
  must,
  organizationChoice,
  seesMargins,
} from '~/lib/sales.server.ts'
import { tomorrowAt } from '~/lib/zoned-time.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.deal.name ?? 'Deal'} · Aura CRM` },
]

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const api = apiClient(request, context)
  const param = { id: params.id ?? '' }
  // The details' contact and organization choices (up to 100 each) only when that form is open: the page
  // otherwise names the deal's own two (issue 13: a smaller page, and two list reads fewer).
  const editing = new URL(request.url).searchParams.get('open') === DEAL_DETAILS
  // The deal first: its process names the lost reasons to offer, and a foreign id is a 404 before the rest.
  const { lineItems, ...deal } = await must(
    await api.deals[':id'].$get({ param, query: { include: 'lineItems', lineItemsLimit: '100' } }),
    request,
    context,
  )
  const [
    me,
    history,
    activities,
    reasons,
    products,
    processes,
    members,
    organizations,
    contacts,
    locale,
    tasks,
  ] = await Promise.all([
    requireUser(request, context),
    api.deals[':id'].history.$get({ param }).then((r) => must(r, request, context)),
    api.activities.$get({ query: { dealId: deal.id, limit: '50' } }).then((r) => must(r, request, context)),
    api.processes[':id']['lost-reasons']
      .$get({ param: { id: deal.processId } })
      .then((r) => must(r, request, context)),
    api.products.$get({ query: { active: 'true', limit: '100' } }).then((r) => must(r, request, context)),
    listProcesses(api, request, context),
    listMembers(api, request, context),
    editing
      ? listOrganizations(api, request, context, deal.organizationId)
      : organizationChoice(api, deal.organizationId).then((o) => (o ? [o] : [])),
    // Log activity offers contacts only for a deal without one (the API files activities under one).
    editing || !deal.contactId
      ? listContacts(api, request, context, deal.contactId)
      : contactChoice(api, deal.contactId).then((c) => (c ? [c] : [])),
    workspaceLocale(api, request, context),
    api.tasks.$get({ query: { dealId: deal.id, limit: '25' } }).then((r) => must(r, request, context)),
  ])
  return {
    deal,
    me: { id: me.id, manages: canReassign(me.role ?? '') },
    timeline: dealTimeline(activities.data, history.stageChanges),
    audit: history.audit,
    reasons: reasons.data,
    lines: lineItems?.data ?? [],
    catalogue: products.data.map((p) => ({
      id: p.id,
      name: p.name,
      sku: p.sku,
      listPrice: p.pricing?.defaultPrice ?? null,
    })),
    processes,
    names: Object.fromEntries(members.map((m) => [m.id, m.name ?? m.email])),
    organizations,
    contacts,
    timezone: locale.timezone,
    tasks: tasks.data,
    now: Date.now(),
    defaultDue: tomorrowAt(9, locale.timezone),
    seesMargins: seesMargins(me.role ?? ''),
    owners: canReassign(me.role ?? '')
      ? members.filter((m) => m.status === 'active').map((m) => ({ id: m.id, name: m.name ?? m.email }))
      : null,
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  return dealAction(request, context, params.id ?? '')
}

export default function DealPage() {
  const d = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { deal } = d
  const org = d.organizations.find((o) => o.id === deal.organizationId)
  const contact = d.contacts.find((c) => c.id === deal.contactId)
  const owner = (deal.assignedUserId && d.names[deal.assignedUserId]) || null
  const moved = replyFor(result, 'move')
  const details = replyFor(result, 'update')
  return (
    <div className="flex flex-col gap-6">
      <header>
        <p className="text-sm text-slate-600">
          <Link to="/deals" className="underline">
            Deals
          </Link>{' '}
          · {deal.processName}
        </p>
        <h1 className="text-2xl font-semibold tracking-tight break-words">{deal.name}</h1>
        <p className="text-slate-700">
          <span className="tabular-nums">{formatMoney(deal.amount, deal.currency)}</span> · {deal.stageName} ·{' '}
          {deal.probability}% · {deal.status}
          {org && <> · {org.name}</>} · owner {owner ?? 'nobody'}
        </p>
      </header>
      <DealProgress
        deal={deal}
        process={d.processes.find((p) => p.id === deal.processId)}
        reasons={d.reasons}
        timezone={d.timezone}
        lastResult={moved}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-6 lg:col-span-2">
          <section aria-labelledby="facts-heading" className={`${cardClass} flex flex-col gap-4`}>
            <h2 id="facts-heading" className="text-lg font-semibold">
              Key facts
            </h2>
            {!deal.hasLineItems && <AmountForm deal={deal} lastResult={replyFor(result, 'amount')} />}
            <DealFacts
              deal={deal}
              owner={owner}
              organization={org}
              contact={contact}
              amountShown={deal.hasLineItems}
            />
            <div className="flex flex-wrap gap-x-2 border-t border-slate-100 pt-2">
              {d.owners && (
                <Disclosure summary="Change owner" open={Boolean(replyFor(result, 'assign'))}>
                  <OwnerPicker deal={deal} owners={d.owners} lastResult={replyFor(result, 'assign')} />
                </Disclosure>
              )}
              <LinkDisclosure name={DEAL_DETAILS} summary="Edit details" open={Boolean(details?.error)}>
                <DetailsForm
                  deal={deal}
                  contacts={d.contacts}
                  organizations={d.organizations}
                  lastResult={details}
                />
              </LinkDisclosure>
              {d.processes.length > 1 && (
                <Disclosure summary="Move to another process">
                  <ProcessMoveForm deal={deal} processes={d.processes} />
                </Disclosure>
              )}
            </div>
          </section>
          <div className={cardClass}>
            <NextSteps
              tasks={d.tasks}
              timezone={d.timezone}
              now={d.now}
              names={d.names}
              me={d.me.id}
              manages={d.me.manages}
              stalled={deal.status === 'open' && d.tasks.length === 0}
              result={result}
              record={{ dealId: deal.id }}
              assignees={d.owners}
              defaultDue={d.defaultDue}
            />
          </div>
          <div className={cardClass}>
            <LineItems
              lines={d.lines}
              total={deal.lineItemsTotal}
              currency={deal.currency}
              catalogue={d.catalogue}
              seesMargins={d.seesMargins}
              result={result}
            />
          </div>
          <section aria-labelledby="timeline-heading" className={`${cardClass} flex flex-col gap-2`}>
            <h2 id="timeline-heading" className="text-lg font-semibold">
              Timeline
            </h2>
            <Timeline
              items={d.timeline}
              names={d.names}
              timezone={d.timezone}
              currency={deal.currency}
              canArchive={(item) => d.me.manages || item.actorUserId === d.me.id}
            />
          </section>
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <section className={cardClass}>
            <LogActivityForm
              lastResult={replyFor(result, 'log-activity')}
              deals={[]}
              timezone={d.timezone}
              dealId={deal.id}
              {...(contact ? { contact } : { contacts: d.contacts })}
            />
          </section>
          <div className={cardClass}>
            <DealChanges audit={d.audit} names={d.names} currency={deal.currency} timezone={d.timezone} />
          </div>
        </div>
      </div>
    </div>
  )
}
