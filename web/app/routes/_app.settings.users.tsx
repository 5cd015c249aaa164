// Invitations (admins): invite by email with a role and see who has not accepted yet. A minimal page for
// journey 1; the full users screen (roles, deactivation) may replace it.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Field, Form, FormError, SubmitButton } from '~/components/form.tsx'
import { Notice } from '~/components/notice.tsx'
import { apiClient, readProblem } from '~/lib/api.server.ts'
import { errorPage } from '~/lib/errors.server.ts'
import { type FormResult, formFailure, formValues } from '~/lib/forms.server.ts'
import { requireAdmin } from '~/lib/require-admin.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }

export const meta: MetaFunction = () => [{ title: 'Users and invitations · Aura CRM' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdmin(request, context)
  const res = await apiClient(request, context).invitations.$get({ query: { limit: '100' } })
  if (res.status !== 200) throw errorPage((await readProblem(res)).status === 403 ? 403 : 502)
  return { pending: (await res.json()).data, invited: new URL(request.url).searchParams.get('invited') }
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAdmin(request, context)
  const values = await formValues(request)
  const role = values.role === 'admin' || values.role === 'manager' ? values.role : 'rep'
  const res = await apiClient(request, context).invitations.$post({
    json: { email: values.email ?? '', role },
  })
  if (res.status !== 201) return formFailure(res, values)
  return redirect(`/settings/users?invited=${encodeURIComponent((await res.json()).email)}`)
}

export default function UsersSettings() {
  const { pending, invited } = useLoaderData<typeof loader>()
  const result = useActionData<FormResult>()
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <h1 className="text-2xl font-semibold tracking-tight">Users and invitations</h1>
      {invited && <Notice>Invitation sent to {invited}.</Notice>}
      <Form
        method="post"
        className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6"
        noValidate
      >
        <h2 className="text-lg font-semibold">Invite someone</h2>
        <FormError message={result?.formError} />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="off"
          required
          defaultValue={result?.values?.email}
          error={result?.fieldErrors?.email}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor="invite-role" className="text-sm font-medium text-slate-800">
            Role
          </label>
          <select
            id="invite-role"
            name="role"
            defaultValue={result?.values?.role ?? 'rep'}
            className="min-h-11 rounded-md border border-slate-300 bg-white px-3 text-base"
          >
            <option value="rep">Rep</option>
            <option value="manager">Manager</option>
            <option value="admin">Admin</option>
          </select>
        </div>
        <div>
          <SubmitButton>Send invitation</SubmitButton>
        </div>
      </Form>
      <section aria-labelledby="pending" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="pending" className="text-lg font-semibold">
          Pending invitations
        </h2>
        {pending.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">None.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100">
            {pending.map((invitation) => (
              <li key={invitation.id} className="flex flex-wrap justify-between gap-2 py-2 text-sm">
                <span className="break-all">{invitation.email}</span>
                <span className="text-slate-600">
                  {invitation.role} · expires {invitation.expiresAt.slice(0, 10)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}
