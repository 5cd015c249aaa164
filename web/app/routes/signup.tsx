// Signup on the public site. The API answers "check your inbox" whether or not the email is known (no
// account enumeration), so this page does too.
import { PASSWORD_MIN } from '@aura/db/passwords'
import { getFormProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import type { z } from 'zod'
import { AuthCard } from '~/components/auth-card.tsx'
import { Form, FormErrors, FormField, SubmitButton } from '~/components/form.tsx'
import { PasswordField } from '~/components/password-field.tsx'
import { apiClient } from '~/lib/api.server.ts'
import { currentUser } from '~/lib/auth.server.ts'
import { invalid, parseForm, refusal } from '~/lib/forms.server.ts'
import { ZSignup } from '~/lib/inputs.server.ts'
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
  const submission = parseForm(await request.formData(), ZSignup)
  if (submission.status !== 'success') return invalid(submission)
  const res = await apiClient(request, context).auth.signup.$post({ json: submission.value })
  if (res.status !== 202) return refusal(submission, res)
  return redirect('/signup?sent=1')
}

export default function Signup() {
  const { sent, passwordMin } = useLoaderData<typeof loader>()
  const [form, fields] = useForm<z.input<typeof ZSignup>>({
    id: 'signup',
    lastResult: useActionData<typeof action>(),
  })
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
      <Form method="post" {...getFormProps(form)} className="flex flex-col gap-4" noValidate>
        <FormErrors errors={form.errors} />
        <FormField label="Your name" meta={fields.name} autoComplete="name" required />
        <FormField label="Work email" meta={fields.email} type="email" autoComplete="email" required />
        <PasswordField
          meta={fields.password}
          purpose="new"
          hint={`At least ${passwordMin} characters. A phrase of a few words works well.`}
        />
        <FormField label="Company name" meta={fields.companyName} autoComplete="organization" />
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
