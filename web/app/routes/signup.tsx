// Signup on the public site. The API answers "check your inbox" whether or not the email is known (no
// account enumeration), so this page does too.
import { PASSWORD_MIN } from '@aura/db/passwords'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { AuthCard } from '~/components/auth-card.tsx'
import { Field, Form, FormError, SubmitButton } from '~/components/form.tsx'
import { apiClient } from '~/lib/api.server.ts'
import { currentUser } from '~/lib/auth.server.ts'
import { type FormResult, formFailure, formValues } from '~/lib/forms.server.ts'
import { homeFor, requireRootSite } from '~/lib/root-site.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }

export const meta: MetaFunction = () => [{ title: 'Create your account · Aura CRM' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireRootSite(request, context)
  const sent = new URL(request.url).searchParams.has('sent')
  if (!sent) {
    const me = await currentUser(request, context)
    if (me) throw redirect(homeFor('root', me))
  }
  return { sent, passwordMin: PASSWORD_MIN }
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireRootSite(request, context)
  const values = await formValues(request)
  const companyName = values.companyName?.trim()
  const res = await apiClient(request, context).auth.signup.$post({
    json: {
      name: values.name ?? '',
      email: values.email ?? '',
      password: values.password ?? '',
      ...(companyName ? { companyName } : {}),
    },
  })
  if (res.status !== 202) return formFailure(res, values)
  return redirect('/signup?sent=1')
}

export default function Signup() {
  const { sent, passwordMin } = useLoaderData<typeof loader>()
  const result = useActionData<FormResult>()
  if (sent) {
    return (
      <AuthCard title="Check your inbox">
        <p className="text-slate-700">
          We sent a confirmation link to the address you gave. Open it to confirm your email; we will then
          prepare your workspace once your contract is signed.
        </p>
        <p className="mt-4 text-sm text-slate-600">
          Already confirmed?{' '}
          <Link className="underline" to="/login">
            Log in
          </Link>{' '}
          to see where your account stands.
        </p>
      </AuthCard>
    )
  }
  return (
    <AuthCard title="Create your account">
      <Form method="post" className="flex flex-col gap-4" noValidate>
        <FormError message={result?.formError} />
        <Field
          label="Your name"
          name="name"
          autoComplete="name"
          required
          defaultValue={result?.values?.name}
          error={result?.fieldErrors?.name}
        />
        <Field
          label="Work email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={result?.values?.email}
          error={result?.fieldErrors?.email}
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={`At least ${passwordMin} characters. A phrase of a few words works well.`}
          error={result?.fieldErrors?.password}
        />
        <Field
          label="Company name"
          name="companyName"
          autoComplete="organization"
          defaultValue={result?.values?.companyName}
          error={result?.fieldErrors?.companyName}
        />
        <SubmitButton>Create account</SubmitButton>
        <p className="text-sm text-slate-600">
          Already have an account?{' '}
          <Link className="underline" to="/login">
            Log in
          </Link>
        </p>
      </Form>
    </AuthCard>
  )
}
