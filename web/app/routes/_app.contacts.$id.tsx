// One contact: details (edit; owner reassignment for managers and admins), organization link, the
// next steps, the timeline with "Log activity" and archive, and the contact's deals. Several forms, told apart by `intent`.

import { getFormProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import type { z } from 'zod'
import { Form, FormErrors, SubmitButton } from '~/components/form.tsx'
import { ContactDeals } from '~/components/records/contact-deals.tsx'
import { ContactFields } from '~/components/records/contact-fields.tsx'
import { ContactPrivacy } from '~/components/records/contact-privacy.tsx'
import { LogActivityForm } from '~/components/records/log-activity.tsx'
import { Pager } from '~/components/records/pager.tsx'
import { Timeline } from '~/components/records/timeline.tsx'
import { NextSteps } from '~/components/tasks/next-steps.tsx'
import { cardClass } from '~/components/ui/card.ts'
import { activityIntent } from '~/lib/activity-actions.server.ts'
import { apiClient } from '~/lib/api.server.ts'
import { requireUser } from '~/lib/auth.server.ts'
import { type FlashKey, redirectWithFlash } from '~/lib/flash.server.ts'
import { replyFor } from '~/lib/form-reply.ts'
import { invalid, parseForm, refusal } from '~/lib/forms.server.ts'
import { ZContactInput } from '~/lib/inputs.server.ts'
import { ownerChoices, workspaceLocale } from '~/lib/records.server.ts'
import { canReassign, listMembers, listOrganizations, must } from '~/lib/sales.server.ts'
import { taskIntent } from '~/lib/task-actions.server.ts'
import { tomorrowAt } from '~/lib/zoned-time.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.contact.fullName ?? 'Contact'} · Aura CRM` },
]

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const id = params.id ?? ''
  const api = apiClient(request, context)
  const url = new URL(request.url)
  const cursor = url.searchParams.get('cursor') ?? undefined
  // The contact first: an unknown or other-tenant id is a 404 before anything else is fetched.
  const me = await requireUser(request, context)
  const contact = await must(await api.contacts[':id'].$get({ param: { id } }), request, context)
  const [timeline, deals, organizations, members, locale, tasks] = await Promise.all([
    api.contacts[':id'].timeline.$get({
      param: { id },
      query: { limit: '20', ...(cursor ? { cursor } : {}) },
    }),
    api.deals.$get({ query: { contactId: id, limit: '50' } }),
    listOrganizations(api, request, context, contact.organizationId),
    listMembers(api, request, context),
    workspaceLocale(api, request, context),
    api.tasks.$get({ query: { contactId: id, limit: '25' } }).then((r) => must(r, request, context)),
  ])
  return {
    tasks: tasks.data,
    now: Date.now(),
    defaultDue: tomorrowAt(9, locale.timezone),
    me: { id: me.id, manages: canReassign(me.role ?? ''), admin: me.role === 'admin' },
    contact,
    timeline: await must(timeline, request, context),
    deals: (await must(deals, request, context)).data,
    organizations,
    owners: canReassign(me.role ?? '') ? ownerChoices(members) : null,
    names: Object.fromEntries(members.map((m) => [m.id, m.name ?? m.email])),
    locale,
    onFirstPage: !cursor,
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const id = params.id ?? ''
  const me = await requireUser(request, context)
  const form = await request.formData()
  const api = apiClient(request, context, form)
  const done = (what: FlashKey) => redirectWithFlash(request, `/contacts/${id}`, what)
  const back = `/contacts/${id}`
  const answered =
    (await activityIntent(request, context, { api, form, back, contactId: id })) ??
    (await taskIntent(request, context, { api, form, back }))
  if (answered) return answered
  // The edit form sends every field: the full input schema, so a blank first name is refused, not skipped.
  const submission = parseForm(form, ZContactInput)
  if (submission.status !== 'success') return invalid(submission)
  const { assignedUserId, ...contact } = submission.value
  const json = canReassign(me.role ?? '') && assignedUserId ? { ...contact, assignedUserId } : contact
  const res = await api.contacts[':id'].$patch({ param: { id }, json })
  if (res.status === 200) return done('contact.saved')
  return refusal(submission, res)
}

export default function ContactPage() {
  const { me, contact, timeline, deals, organizations, owners, names, locale, onFirstPage, ...next } =
    useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [form, fields] = useForm<z.input<typeof ZContactInput>>({
    id: 'contact',
    lastResult: replyFor(result, 'save'),
    defaultValue: {
      firstName: contact.firstName,
      lastName: contact.lastName,
      email: contact.email,
      phone: contact.phone,
      title: contact.title,
      organizationId: contact.organizationId,
      assignedUserId: contact.assignedUserId,
    },
  })
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <p className="text-sm text-slate-600">
          <Link to="/contacts" className="hover:underline">
            Contacts
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight break-words">{contact.fullName}</h1>
        <p className="text-sm text-slate-700">
          {[contact.title, contact.email, contact.phone].filter(Boolean).join(' · ')}
          {contact.organization && (
            <>
              {' '}
              at{' '}
              <Link
                to={`/organizations/${contact.organization.id}`}
                className="font-medium text-indigo-700 hover:underline"
              >
                {contact.organization.name}
              </Link>
            </>
          )}
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="flex flex-col gap-6">
          <div className={cardClass}>
            <NextSteps
              tasks={next.tasks}
              timezone={locale.timezone}
              now={next.now}
              names={names}
              me={me.id}
              manages={me.manages}
              stalled={false}
              result={result}
              record={{ contactId: contact.id }}
              assignees={owners}
              defaultDue={next.defaultDue}
            />
          </div>
          <section className={cardClass}>
            <LogActivityForm
              lastResult={replyFor(result, 'log-activity')}
              deals={deals.map((d) => ({ id: d.id, name: d.name }))}
              timezone={locale.timezone}
            />
          </section>
          <section aria-labelledby="timeline" className={`${cardClass} flex flex-col gap-2`}>
            <h2 id="timeline" className="text-lg font-semibold">
              Timeline
            </h2>
            <Timeline
              items={timeline.data}
              names={names}
              timezone={locale.timezone}
              currency={locale.currency}
              canArchive={(item) => me.manages || item.actorUserId === me.id}
            />
            <Pager params={{}} nextCursor={timeline.nextCursor} onFirstPage={onFirstPage} />
          </section>
        </div>
        <div className="flex flex-col gap-6">
          <ContactDeals deals={deals} contactId={contact.id} />
          <section aria-labelledby="details" className={cardClass}>
            <h2 id="details" className="text-lg font-semibold">
              Details
            </h2>
            <Form method="post" {...getFormProps(form)} noValidate className="mt-3 flex flex-col gap-4">
              <input type="hidden" name="intent" value="save" />
              <FormErrors errors={form.errors} />
              <ContactFields fields={fields} organizations={organizations} owners={owners} />
              <div>
                <SubmitButton>Save contact</SubmitButton>
              </div>
            </Form>
          </section>
          {me.admin && <ContactPrivacy contactId={contact.id} />}
        </div>
      </div>
    </div>
  )
}
