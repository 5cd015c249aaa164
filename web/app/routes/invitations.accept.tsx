// The emailed invitation link on the workspace's own host: the page names the company, the address and
// the role (or says at once that the link does not work), then a name and password make a member. The API
// signs the new member in, so its cookie is passed on and they land on the dashboard.
import { PASSWORD_MIN } from '@aura/db/passwords'
import { getFormProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import type { z } from 'zod'
import { AuthCard } from '~/components/auth-card.tsx'
import { Form, FormErrors, FormField, SubmitButton } from '~/components/form.tsx'
import { InvalidLink } from '~/components/invalid-link.tsx'
import { PasswordField } from '~/components/password-field.tsx'
import { apiClient, cookiesFrom } from '~/lib/api.server.ts'
import { invalid, parseForm, refusal } from '~/lib/forms.server.ts'
import { ZAcceptInvitation } from '~/lib/inputs.server.ts'
import { requireTenantSite } from '~/lib/root-site.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }

export const meta: MetaFunction = () => [{ title: 'Accept your invitation · Aura CRM' }]

const ROLE_NAMES = { admin: 'an admin', manager: 'a manager', rep: 'a sales rep' } as const

export async function loader({ request, context }: LoaderFunctionArgs) {
  const workspace = requireTenantSite(request, context)
  const token = new URL(request.url).searchParams.get('token') ?? ''
  // Only a usable token of this workspace answers 200; everything else is the same "does not work".
  const found = token
    ? await apiClient(request, context).invitations.preview.$post({ json: { token } })
    : null
  const invitation = found?.status === 200 ? await found.json() : null
  return { workspace, token, invitation, passwordMin: PASSWORD_MIN }
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireTenantSite(request, context)
  const submission = parseForm(await request.formData(), ZAcceptInvitation)
  if (submission.status !== 'success') return invalid(submission)
  const res = await apiClient(request, context).invitations.accept.$post({ json: submission.value })
  if (res.status === 201) return redirect('/dashboard', { headers: cookiesFrom(res) })
  return refusal(submission, res)
}

export default function AcceptInvitation() {
  const { workspace, token, invitation, passwordMin } = useLoaderData<typeof loader>()
  const [form, fields] = useForm<z.input<typeof ZAcceptInvitation>>({
    id: 'accept-invitation',
    lastResult: useActionData<typeof action>(),
  })
  // A malformed, used, withdrawn or expired token is refused on the `token` field.
  if (!invitation || fields.token.errors) {
    return (
      <InvalidLink
        title="This invitation link does not work"
        retry={{ to: '/login', label: 'Already a member? Log in' }}
      />
    )
  }
  return (
    <AuthCard title={`Join ${invitation.companyName}`} label={workspace}>
      <p className="text-sm text-slate-700">
        You are invited as {ROLE_NAMES[invitation.role]} with{' '}
        <span className="font-medium break-all">{invitation.email}</span>.
      </p>
      <Form method="post" {...getFormProps(form)} className="flex flex-col gap-4" noValidate>
        <FormErrors errors={form.errors} />
        {/* Refused with no field to fix (the email already has an account): logging in is the way on. */}
        {form.errors && !fields.name.errors && !fields.password.errors && (
          <p className="text-sm text-slate-600">
            <Link className="underline" to="/login">
              Log in instead
            </Link>
          </p>
        )}
        <input type="hidden" name={fields.token.name} value={token} />
        <FormField label="Your name" meta={fields.name} autoComplete="name" required />
        <PasswordField meta={fields.password} purpose="new" hint={`At least ${passwordMin} characters.`} />
        <SubmitButton>Join the workspace</SubmitButton>
      </Form>
    </AuthCard>
  )
}
