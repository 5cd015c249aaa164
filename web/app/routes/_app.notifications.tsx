// The inbox (F15, ADR 0169): what happened to the reader's work, newest first, unread ones marked; "Mark
// all as read"; and what they want to be told, kind by kind: in the Inbox, by e-mail, in the daily digest
// (ADR 0171). Plain links and forms: no JavaScript needed, none shipped.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { Pager } from '~/components/records/pager.tsx'
import { buttonClass } from '~/components/ui/button.tsx'
import { cardClass } from '~/components/ui/card.ts'
import { Disclosure } from '~/components/ui/disclosure.tsx'
import { apiClient } from '~/lib/api.server.ts'
import { errorPage } from '~/lib/errors.server.ts'
import { redirectWithFlash } from '~/lib/flash.server.ts'
import { parseForm } from '~/lib/forms.server.ts'
import { ZNotificationKind } from '~/lib/inputs.server.ts'
import { KIND_LABELS, notificationSentence } from '~/lib/notification-sentence.ts'
import { workspaceLocale } from '~/lib/records.server.ts'
import { listMembers, must } from '~/lib/sales.server.ts'
import { formatInZone } from '~/lib/zoned-time.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }
export const meta: MetaFunction = () => [{ title: 'Inbox · Aura CRM' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = apiClient(request, context)
  const cursor = new URL(request.url).searchParams.get('cursor') ?? undefined
  const [feed, members, preferences, locale] = await Promise.all([
    api.notifications
      .$get({ query: { limit: '25', ...(cursor ? { cursor } : {}) } })
      .then((r) => must(r, request, context)),
    listMembers(api, request, context),
    api.me['notification-preferences'].$get().then((r) => must(r, request, context)),
    workspaceLocale(api, request, context),
  ])
  return {
    feed,
    names: Object.fromEntries(members.map((m) => [m.id, m.name ?? m.email])),
    preferences: preferences.data,
    timezone: locale.timezone,
    onFirstPage: !cursor,
  }
}

/** The kinds the choices form showed (hidden fields), each the API's own kind. */
const ZInAppChoices = z.object({ kind: z.array(ZNotificationKind).min(1) })

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData()
  const api = apiClient(request, context, form)
  if (form.get('intent') === 'read-all') {
    await must(await api.notifications.read.$post({ json: { all: true } }), request, context)
    return redirectWithFlash(request, '/notifications', 'notifications.read')
  }
  if (form.get('intent') === 'preferences') {
    // A tick box sends its name only when ticked, so each row also names its kind: every kind shown is
    // set, each of its three channels ticked or not.
    const parsed = parseForm(form, ZInAppChoices)
    if (parsed.status !== 'success') throw errorPage(400)
    const preferences = parsed.value.kind.map((kind) => ({
      kind,
      inApp: form.has(`inApp.${kind}`),
      email: form.has(`email.${kind}`),
      digest: form.has(`digest.${kind}`),
    }))
    await must(await api.me['notification-preferences'].$put({ json: { preferences } }), request, context)
    return redirectWithFlash(request, '/notifications', 'notifications.preferences')
  }
  throw errorPage(400)
}

export default function Inbox() {
  const { feed, names, preferences, timezone, onFirstPage } = useLoaderData<typeof loader>()
  const unread = feed.data.some((n) => !n.read)
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Inbox</h1>
        {unread && (
          <form method="post">
            <input type="hidden" name="intent" value="read-all" />
            <button type="submit" className={buttonClass.secondary}>
              Mark all as read
            </button>
          </form>
        )}
      </div>
      <section aria-labelledby="feed-heading" className={cardClass}>
        <h2 id="feed-heading" className="sr-only">
          Notifications
        </h2>
        {feed.data.length === 0 ? (
          <p className="text-sm text-slate-600">
            Nothing yet. You are told here when a deal is handed to you, a deal of yours moves or closes,
            someone logs an activity on your records, or gives you a next step.
          </p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {feed.data.map((n) => {
              const to = n.dealId ? `/deals/${n.dealId}` : n.contactId ? `/contacts/${n.contactId}` : null
              return (
                <li key={n.id} className="flex flex-col gap-0.5 py-2 text-sm">
                  <p className={n.read ? 'text-slate-700' : 'font-semibold text-slate-900'}>
                    {!n.read && <span className="mr-1 text-indigo-700">New:</span>}
                    {to ? (
                      <Link to={to} className="underline decoration-slate-300 hover:decoration-inherit">
                        {notificationSentence(n, names)}
                      </Link>
                    ) : (
                      notificationSentence(n, names)
                    )}
                  </p>
                  <p className="text-slate-600">{formatInZone(n.createdAt, timezone)}</p>
                </li>
              )
            })}
          </ul>
        )}
        <Pager params={{}} nextCursor={feed.nextCursor} onFirstPage={onFirstPage} />
      </section>
      <section className={cardClass}>
        <Disclosure summary="Choose what you are told">
          <form method="post" className="flex flex-col gap-3">
            <input type="hidden" name="intent" value="preferences" />
            <fieldset className="flex flex-col gap-1">
              <legend className="mb-1 text-sm font-medium">Tell me in the inbox when…</legend>
              <p className="text-sm text-slate-600">
                Beside each: also by e-mail at once, or in a daily digest e-mail (from 7:00 your time) of what
                is still unread in the inbox.
              </p>
              {preferences.map((p) => {
                const label = KIND_LABELS[p.kind] ?? p.kind
                return (
                  <div key={p.kind} className="flex flex-wrap items-center gap-x-4 text-sm">
                    <input type="hidden" name="kind" value={p.kind} />
                    <label className="flex min-h-11 grow items-center gap-2">
                      <input
                        type="checkbox"
                        name={`inApp.${p.kind}`}
                        defaultChecked={p.inApp}
                        className="size-5"
                      />
                      {label}
                    </label>
                    <label className="flex min-h-11 items-center gap-2 text-slate-700">
                      <input
                        type="checkbox"
                        name={`email.${p.kind}`}
                        defaultChecked={p.email}
                        aria-label={`E-mail: ${label}`}
                        className="size-5"
                      />
                      <span aria-hidden="true">E-mail</span>
                    </label>
                    <label className="flex min-h-11 items-center gap-2 text-slate-700">
                      <input
                        type="checkbox"
                        name={`digest.${p.kind}`}
                        defaultChecked={p.digest}
                        aria-label={`Daily digest: ${label}`}
                        className="size-5"
                      />
                      <span aria-hidden="true">Digest</span>
                    </label>
                  </div>
                )
              })}
            </fieldset>
            <div>
              <button type="submit" className={buttonClass.primary}>
                Save my choices
              </button>
            </div>
          </form>
        </Disclosure>
      </section>
    </div>
  )
}
