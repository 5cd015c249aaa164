// The emailed confirmation link. Confirming takes one click on a button (a POST), not the page load
// itself: mail scanners that prefetch links would otherwise spend the single-use token before the
// person opens it, and they would then see "link used".
import { getFormProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import type { z } from 'zod'
import { AuthCard } from '~/components/auth-card.tsx'
import { Form, SubmitButton } from '~/components/form.tsx'
import { InvalidLink } from '~/components/invalid-link.tsx'
import { apiClient } from '~/lib/api.server.ts'
import { invalid, parseForm, refusal } from '~/lib/forms.server.ts'
import { ZVerifyEmail } from '~/lib/inputs.server.ts'
import { requireRootSite } from '~/lib/root-site.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }

export const meta: MetaFunction = () => [{ title: 'Confirm your email · Aura CRM' }]

export function loader({ request, context }: LoaderFunctionArgs) {
  requireRootSite(request, context)
  const params = new URL(request.url).searchParams
  return { token: params.get('token') ?? '', verified: params.has('verified') }
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireRootSite(request, context)
  const submission = parseForm(await request.formData(), ZVerifyEmail)
  if (submission.status !== 'success') return invalid(submission)
  const res = await apiClient(request, context).auth['verify-email'].$post({ json: submission.value })
  if (res.status === 200) return redirect('/verify-email?verified=1')
  return refusal(submission, res)
}

export default function VerifyEmail() {
  const { token, verified } = useLoaderData<typeof loader>()
  const [form, fields] = useForm<z.input<typeof ZVerifyEmail>>({
    id: 'verify-email',
    lastResult: useActionData<typeof action>(),
  })
  if (verified) {
    return (
      <AuthCard title="Email confirmed">
        <p className="text-slate-700">
          Thank you. We will prepare your workspace once your contract is signed, and let you know by email.
        </p>
        <p className="mt-4 text-sm text-slate-600">
          <Link className="underline" to="/account">
            See your account status
          </Link>
        </p>
      </AuthCard>
    )
  }
  // Whatever the refusal (malformed, used or expired token), the link is what does not work.
  if (!token || form.status === 'error') {
    return (
      <InvalidLink title="This confirmation link does not work" retry={{ to: '/login', label: 'Log in' }} />
    )
  }
  return (
    <AuthCard title="Confirm your email">
      <Form method="post" {...getFormProps(form)} className="flex flex-col gap-4">
        <input type="hidden" name={fields.token.name} value={token} />
        <p className="text-slate-700">One click and your address is confirmed.</p>
        <SubmitButton>Confirm my email</SubmitButton>
      </Form>
    </AuthCard>
  )
}
