// Users (admins): members with their role (changeable) and deactivation behind a confirmation; invitations
// by email with a role, and the pending ones with revoke. Several small forms, told apart by `intent`.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Field, Form, FormError, SubmitButton } from '~/components/form.tsx'
import { IdempotencyKeyField } from '~/components/idempotency-key.tsx'
import { Notice } from '~/components/notice.tsx'
import { MemberList } from '~/components/settings/member-list.tsx'
import { isStepUp, StepUpForm, type StepUpResult } from '~/components/step-up.tsx'
import { apiClient, readProblem } from '~/lib/api.server.ts'
import { errorPage } from '~/lib/errors.server.ts'
import { type FormResult, formFailure, formValues } from '~/lib/forms.server.ts'
import { requireAdmin } from '~/lib/require-admin.server.ts'
import { withStepUp } from '~/lib/step-up.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }

export const meta: MetaFunction = () => [{ title: 'Users and invitations · Aura CRM' }]

const NOTICES = {
  role: 'Role saved.',
  deactivated: 'User deactivated: their sessions have ended.',
  revoked: 'Invitation revoked.',
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const me = await requireAdmin(request, context)
  const api = apiClient(request, context)
  const [res, users] = await Promise.all([
    api.invitations.$get({ query: { limit: '100' } }),
    api.users.$get({ query: { limit: '100' } }),
  ])
  if (res.status !== 200) throw errorPage((await readProblem(res)).status === 403 ? 403 : 502)
  if (users.status !== 200) throw errorPage(502)
  const params = new URL(request.url).searchParams
  const done = params.get('done')
  return {
    meId: me.id,
    members: (await users.json()).data,
    pending: (await res.json()).data,
    invited: params.get('invited'),
    notice: done && done in NOTICES ? NOTICES[done as keyof typeof NOTICES] : null,
  }
}

const MEMBER_INTENTS = ['role', 'deactivate', 'revoke']

const asRole = (v: string | undefined) => (v === 'admin' || v === 'manager' ? v : 'rep')

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAdmin(request, context)
  const values = await formValues(request)
  const api = apiClient(request, context, values)
  const done = (what: keyof typeof NOTICES) => redirect(`/settings/users?done=${what}`)
  const id = values.userId ?? values.invitationId ?? ''
  if (values.intent === 'deactivate') {
    // Deactivation is a sensitive operation (NFR-S8): the API may first ask for the emailed code.
    return withStepUp(
      request,
      context,
      values,
      async () => await api.users[':id'].deactivate.$post({ param: { id } }),
      () => done('deactivated'),
    )
  }
  if (values.intent === 'role' || values.intent === 'revoke') {
    const res =
      values.intent === 'role'
        ? await api.users[':id'].$patch({ param: { id }, json: { role: asRole(values.role) } })
        : await api.invitations[':id'].$delete({ param: { id } })
    if (res.ok) return done(values.intent === 'role' ? 'role' : 'revoked')
    // e.g. 409 "would leave the workspace without an admin": said at the top of the page.
    const problem = await readProblem(res)
    return data<FormResult>({ formError: problem.title, values }, { status: problem.status })
  }
  const res = await api.invitations.$post({ json: { email: values.email ?? '', role: asRole(values.role) } })
  if (res.status !== 201) return formFailure(res, values)
  return redirect(`/settings/users?invited=${encodeURIComponent((await res.json()).email)}`)
}

export default function UsersSettings() {
  const { meId, members, pending, invited, notice } = useLoaderData<typeof loader>()
  const action = useActionData<FormResult | StepUpResult>()
  const stepUp = isStepUp(action) ? action.stepUp : null
  const failure = isStepUp(action) ? undefined : action
  const forMembers = MEMBER_INTENTS.includes(failure?.values?.intent ?? '')
  const memberError = forMembers ? failure?.formError : undefined
  const result = forMembers ? undefined : failure
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <h1 className="text-2xl font-semibold tracking-tight">Users and invitations</h1>
      {invited && <Notice>Invitation sent to {invited}.</Notice>}
      {notice && <Notice>{notice}</Notice>}
      <FormError message={memberError} />
      {stepUp && <StepUpForm {...stepUp} submitLabel="Verify and deactivate" />}
      <section aria-labelledby="members" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="members" className="text-lg font-semibold">
          Members
        </h2>
        <MemberList members={members} meId={meId} />
      </section>
      <Form
        method="post"
        className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6"
        noValidate
      >
        <h2 className="text-lg font-semibold">Invite someone</h2>
        <FormError message={result?.formError} />
        <IdempotencyKeyField />
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
              <li
                key={invitation.id}
                className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
              >
                <span className="min-w-0 flex-1 break-all">{invitation.email}</span>
                <span className="text-slate-600">
                  {invitation.role} · expires {invitation.expiresAt.slice(0, 10)}
                </span>
                <Form method="post">
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="invitationId" value={invitation.id} />
                  <button
                    type="submit"
                    aria-label={`Revoke the invitation for ${invitation.email}`}
                    className="min-h-11 rounded-md px-3 text-slate-700 hover:bg-slate-100"
                  >
                    Revoke
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}
