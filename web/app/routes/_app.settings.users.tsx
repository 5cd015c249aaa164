// Users (admins; managers for reps, ADR 0167): members with their role (changeable by admins) and
// deactivation behind a confirmation; invitations by email with a role (a manager's are reps), and the
// pending ones with revoke (a manager sees rep invitations only). Several small forms, told apart by `intent`.
import { getFormProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import type { z } from 'zod'
import { Form, FormErrors, FormField, SubmitButton } from '~/components/form.tsx'
import { IdempotencyKeyField } from '~/components/idempotency-key.tsx'
import { FormSelect } from '~/components/sales/select-field.tsx'
import { MemberList } from '~/components/settings/member-list.tsx'
import { isStepUp, StepUpForm, type StepUpResult } from '~/components/step-up.tsx'
import { apiClient, readProblem } from '~/lib/api.server.ts'
import { errorPage } from '~/lib/errors.server.ts'
import { type FlashKey, redirectWithFlash } from '~/lib/flash.server.ts'
import { replyFor } from '~/lib/form-reply.ts'
import { type FormReply, invalid, parseForm, refusal } from '~/lib/forms.server.ts'
import { changesRoles, invitableRoles } from '~/lib/member-access.ts'
import { replyMessages } from '~/lib/reply-messages.ts'
import { requireSettingsMember } from '~/lib/require-admin.server.ts'
import {
  ZDeactivateForm,
  ZIntentOnly,
  ZInviteForm,
  ZRevokeForm,
  ZRoleForm,
} from '~/lib/settings-forms.server.ts'
import { withStepUp } from '~/lib/step-up.server.ts'
import { formatDayInZone } from '~/lib/zoned-time.ts'
import type { RouteHandle } from '~/root.tsx'
import { useMe } from './_app.tsx'

export const handle: RouteHandle = { hydrate: false }

export const meta: MetaFunction = () => [{ title: 'Users and invitations · Aura CRM' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const me = await requireSettingsMember(request, context)
  const api = apiClient(request, context)
  const [res, users] = await Promise.all([
    api.invitations.$get({ query: { limit: '100' } }),
    api.users.$get({ query: { limit: '100' } }),
  ])
  if (res.status !== 200) throw errorPage((await readProblem(res)).status === 403 ? 403 : 502)
  if (users.status !== 200) throw errorPage(502)
  return {
    meId: me.id,
    role: me.role,
    members: (await users.json()).data,
    pending: (await res.json()).data,
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireSettingsMember(request, context)
  const form = await request.formData()
  const api = apiClient(request, context, form)
  const done = (what: FlashKey, name?: string) => redirectWithFlash(request, '/settings/users', what, name)
  switch (form.get('intent')) {
    case 'invite': {
      const s = parseForm(form, ZInviteForm)
      if (s.status !== 'success') return invalid(s)
      const res = await api.invitations.$post({ json: s.value })
      if (res.status !== 201) return refusal(s, res)
      return done('invitation.sent', (await res.json()).email)
    }
    case 'role': {
      const s = parseForm(form, ZRoleForm)
      if (s.status !== 'success') return invalid(s)
      const { userId, ...json } = s.value
      const res = await api.users[':id'].$patch({ param: { id: userId }, json })
      // e.g. 409 "would leave the workspace without an admin": said at the top of the page.
      return res.ok ? done('member.role') : refusal(s, res)
    }
    case 'deactivate': {
      const s = parseForm(form, ZDeactivateForm)
      if (s.status !== 'success') return invalid(s)
      const param = { id: s.value.userId }
      // Deactivation is a sensitive operation (NFR-S8): the API may first ask for the emailed code.
      return withStepUp(
        request,
        context,
        form,
        s,
        async () => await api.users[':id'].deactivate.$post({ param }),
        () => done('member.deactivated'),
      )
    }
    case 'revoke': {
      const s = parseForm(form, ZRevokeForm)
      if (s.status !== 'success') return invalid(s)
      const res = await api.invitations[':id'].$delete({ param: { id: s.value.invitationId } })
      return res.ok ? done('invitation.revoked') : refusal(s, res)
    }
    default: {
      const s = parseForm(form, ZIntentOnly)
      return data<FormReply>(s.reply({ formErrors: ['Unknown action'] }), { status: 400 })
    }
  }
}

export default function UsersSettings() {
  const { meId, role, members, pending } = useLoaderData<typeof loader>()
  const roles = invitableRoles(role)
  const { effectiveTimezone } = useMe()
  const result = useActionData<FormReply | StepUpResult>()
  const stepUp = isStepUp(result) ? result.stepUp : null
  const reply = isStepUp(result) ? undefined : result
  const invite = replyFor(reply, 'invite')
  // A member's role, deactivation or a revoke has no room for a message: said at the top of the page.
  const memberErrors = invite ? undefined : replyMessages(reply)
  const [form, fields] = useForm<z.input<typeof ZInviteForm>>({
    id: 'invite',
    lastResult: invite,
    defaultValue: { role: 'rep' },
  })
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <h1 className="text-2xl font-semibold tracking-tight">Users and invitations</h1>
      <FormErrors errors={memberErrors} />
      {stepUp && <StepUpForm {...stepUp} submitLabel="Verify and deactivate" />}
      <section aria-labelledby="members" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="members" className="text-lg font-semibold">
          Members
        </h2>
        <MemberList members={members} meId={meId} role={role} />
      </section>
      <Form
        method="post"
        {...getFormProps(form)}
        className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6"
        noValidate
      >
        <h2 className="text-lg font-semibold">Invite someone</h2>
        <input type="hidden" name="intent" value="invite" />
        <FormErrors errors={form.errors} />
        <IdempotencyKeyField />
        <FormField label="Email" meta={fields.email} type="email" autoComplete="off" required />
        {roles.length > 1 ? (
          <FormSelect label="Role" meta={fields.role}>
            {roles.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </FormSelect>
        ) : (
          // A manager invites reps only: no choice to make, said instead of offered.
          <p className="text-sm text-slate-700">
            <input type="hidden" name="role" value="rep" />
            They join as a rep{changesRoles(role) ? '' : '; an admin can change that later'}.
          </p>
        )}
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
                  {invitation.role} · expires {formatDayInZone(invitation.expiresAt, effectiveTimezone)}
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
