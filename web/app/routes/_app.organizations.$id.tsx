// One organization: its parent and subsidiaries (linked), its contacts, and the edit form with a parent
// select (itself excluded; the API refuses deeper loops with 422 on parentId).

import { getFormProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import type { z } from 'zod'
import { ExternalLink } from '~/components/external-link.tsx'
import { Form, FormErrors, SubmitButton } from '~/components/form.tsx'
import { OrganizationFields } from '~/components/records/organization-fields.tsx'
import { cardClass } from '~/components/ui/card.ts'
import { apiClient } from '~/lib/api.server.ts'
import { requireUser } from '~/lib/auth.server.ts'
import { redirectWithFlash } from '~/lib/flash.server.ts'
import { invalid, parseForm, refusal } from '~/lib/forms.server.ts'
import { ZOrganizationInput } from '~/lib/inputs.server.ts'
import { listOrganizations, must } from '~/lib/sales.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.organization.name ?? 'Organization'} · Aura CRM` },
]

const linkClass = 'inline-flex min-h-11 items-center font-medium text-indigo-700 hover:underline'

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const id = params.id ?? ''
  const api = apiClient(request, context)
  await requireUser(request, context)
  const organization = await must(await api.organizations[':id'].$get({ param: { id } }), request, context)
  const [contacts, parents] = await Promise.all([
    api.contacts.$get({ query: { organizationId: id, limit: '50' } }),
    listOrganizations(api, request, context, organization.parentId),
  ])
  return {
    organization,
    contacts: await must(contacts, request, context),
    parents: parents.filter((p) => p.id !== id),
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const id = params.id ?? ''
  await requireUser(request, context)
  // The page sends every field: the full input schema, so a blank name is refused and a blank field cleared.
  const submission = parseForm(await request.formData(), ZOrganizationInput)
  if (submission.status !== 'success') return invalid(submission)
  const res = await apiClient(request, context).organizations[':id'].$patch({
    param: { id },
    json: submission.value,
  })
  if (res.status !== 200) return refusal(submission, res)
  return redirectWithFlash(request, `/organizations/${id}`, 'organization.saved')
}

export default function OrganizationPage() {
  const { organization: org, contacts, parents } = useLoaderData<typeof loader>()
  const [form, fields] = useForm<z.input<typeof ZOrganizationInput>>({
    id: 'organization',
    lastResult: useActionData<typeof action>(),
    defaultValue: {
      name: org.name,
      parentId: org.parentId,
      size: org.size,
      industry: org.industry,
      location: org.location,
      website: org.website,
    },
  })
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <p className="text-sm text-slate-600">
          <Link to="/organizations" className="hover:underline">
            Organizations
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight break-words">{org.name}</h1>
        <p className="text-sm text-slate-700">
          {[org.industry, org.size, org.location].filter(Boolean).join(' · ')}
          {org.website && (
            <>
              {' · '}
              <ExternalLink href={org.website} className="text-indigo-700 hover:underline" />
            </>
          )}
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="flex flex-col gap-6">
          <section aria-labelledby="family" className={cardClass}>
            <h2 id="family" className="text-lg font-semibold">
              Company structure
            </h2>
            <p className="mt-2 text-sm">
              Parent:{' '}
              {org.parent ? (
                <Link to={`/organizations/${org.parent.id}`} className={linkClass}>
                  {org.parent.name}
                </Link>
              ) : (
                'none'
              )}
            </p>
            <h3 className="mt-3 text-sm font-medium text-slate-800">Subsidiaries</h3>
            {org.subsidiaries.length === 0 ? (
              <p className="text-sm text-slate-700">None.</p>
            ) : (
              <ul>
                {org.subsidiaries.map((s) => (
                  <li key={s.id}>
                    <Link to={`/organizations/${s.id}`} className={linkClass}>
                      {s.name}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
            <Link to={`/organizations/new?parentId=${org.id}`} className={`${linkClass} text-sm`}>
              Add a subsidiary
            </Link>
          </section>
          <section aria-labelledby="org-contacts" className={cardClass}>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 id="org-contacts" className="text-lg font-semibold">
                Contacts
              </h2>
              <Link to={`/contacts/new?organizationId=${org.id}`} className={`${linkClass} text-sm`}>
                New contact here
              </Link>
            </div>
            {contacts.data.length === 0 ? (
              <p className="mt-2 text-sm text-slate-700">No contacts you can see.</p>
            ) : (
              <ul className="mt-2 divide-y divide-slate-100">
                {contacts.data.map((c) => (
                  <li key={c.id} className="flex flex-wrap items-center justify-between gap-x-3 text-sm">
                    <Link to={`/contacts/${c.id}`} className={linkClass}>
                      {c.fullName}
                    </Link>
                    <span className="break-all text-slate-700">{c.title ?? c.email ?? ''}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <section aria-labelledby="org-details" className={cardClass}>
          <h2 id="org-details" className="text-lg font-semibold">
            Details
          </h2>
          <Form method="post" {...getFormProps(form)} noValidate className="mt-3 flex flex-col gap-4">
            <FormErrors errors={form.errors} />
            <OrganizationFields fields={fields} parents={parents} />
            <div>
              <SubmitButton>Save organization</SubmitButton>
            </div>
          </Form>
        </section>
      </div>
    </div>
  )
}
