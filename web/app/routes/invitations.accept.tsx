// The emailed invitation link on the workspace's own host: choose a name and password, become a member.
// The API signs the new member in, so its cookie is passed on and they land on the dashboard.
import { PASSWORD_MIN } from '@aura/db/passwords'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { AuthCard } from '~/components/auth-card.tsx'
import { Field, Form, FormError, SubmitButton } from '~/components/form.tsx'
import { InvalidLink } from '~/components/invalid-link.tsx'
import { apiClient, cookiesFrom } from '~/lib/api.server.ts'
import { type FormResult, formFailure, formValues } from '~/lib/forms.server.ts'
import { requireTenantSite } from '~/lib/root-site.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }

export const meta: MetaFunction = () => [{ title: 'Accept your invitation · Aura CRM' }]

export function loader({ request, context }: LoaderFunctionArgs) {
  const workspace = requireTenantSite(request, context)
  return {
    workspace,
    token: new URL(request.url).searchParams.get('token') ?? '',
    passwordMin: PASSWORD_MIN,
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireTenantSite(request, context)
  const values = await formValues(request)
  const res = await apiClient(request, context).invitations.accept.$post({
    json: { token: values.token ?? '', name: values.name ?? '', password: values.password ?? '' },
  })
  if (res.status === 201) return redirect('/dashboard', { headers: cookiesFrom(res) })
  return formFailure(res, values)
}

export default function AcceptInvitation() {
  const { workspace, token, passwordMin } = useLoaderData<typeof loader>()
  const result = useActionData<FormResult>()
  if (!token || result?.fieldErrors?.token) {
    return (
      <InvalidLink
        title="This invitation link does not work"
        retry={{ to: '/login', label: 'Already a member? Log in' }}
      />
    )
  }
  return (
    <AuthCard title={`Join ${workspace}`} label={workspace}>
      <Form method="post" className="flex flex-col gap-4" noValidate>
        <FormError message={result?.formError} />
        {result?.formError && !result.fieldErrors?.name && !result.fieldErrors?.password && (
          <p className="text-sm text-slate-600">
            <Link className="underline" to="/login">
              Log in instead
            </Link>
          </p>
        )}
        <input type="hidden" name="token" value={token} />
        <Field
          label="Your name"
          name="name"
          autoComplete="name"
          required
          defaultValue={result?.values?.name}
          error={result?.fieldErrors?.name}
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={`At least ${passwordMin} characters.`}
          error={result?.fieldErrors?.password}
        />
        <SubmitButton>Join the workspace</SubmitButton>
      </Form>
    </AuthCard>
  )
}
