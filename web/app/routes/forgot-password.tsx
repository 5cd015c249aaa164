// Ask for a reset link on this host (public site or workspace). The API answers the same for every
// email, so the page does too.
import { getFormProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import type { z } from 'zod'
import { AuthCard } from '~/components/auth-card.tsx'
import { Form, FormErrors, FormField, SubmitButton } from '~/components/form.tsx'
import { apiClient } from '~/lib/api.server.ts'
import { errorPage } from '~/lib/errors.server.ts'
import { invalid, parseForm, refusal } from '~/lib/forms.server.ts'
import { ZRequestPasswordReset } from '~/lib/inputs.server.ts'
import { siteFor } from '~/lib/site.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }

export const meta: MetaFunction = () => [{ title: 'Reset your password · Aura CRM' }]

function workspaceOf(request: Request, rootDomain: string): string | null {
  const site = siteFor(request, rootDomain)
  if (site.kind === 'unknown') throw errorPage(404)
  return site.kind === 'tenant' ? site.slug : null
}

export function loader({ request, context }: LoaderFunctionArgs) {
  return {
    workspace: workspaceOf(request, context.rootDomain),
    sent: new URL(request.url).searchParams.has('sent'),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  workspaceOf(request, context.rootDomain)
  const submission = parseForm(await request.formData(), ZRequestPasswordReset)
  if (submission.status !== 'success') return invalid(submission)
  const res = await apiClient(request, context).auth['password-reset'].$post({ json: submission.value })
  // A rate limit (429) is the API's title, above the form.
  if (res.status !== 202) return refusal(submission, res)
  return redirect('/forgot-password?sent=1')
}

export default function ForgotPassword() {
  const { workspace, sent } = useLoaderData<typeof loader>()
  const [form, fields] = useForm<z.input<typeof ZRequestPasswordReset>>({
    id: 'forgot-password',
    lastResult: useActionData<typeof action>(),
  })
  const label = workspace ? { label: workspace } : {}
  if (sent) {
    return (
      <AuthCard title="Check your inbox" {...label}>
        <p className="text-slate-700">
          If an account uses that address here, we sent it a link to choose a new password. The link works
          once, for one hour.
        </p>
        <p className="mt-4 text-sm text-slate-600">
          <Link className="underline" to="/login">
            Back to log in
          </Link>
        </p>
      </AuthCard>
    )
  }
  return (
    <AuthCard title="Reset your password" {...label}>
      <Form method="post" {...getFormProps(form)} className="flex flex-col gap-4" noValidate>
        <FormErrors errors={form.errors} />
        <FormField label="Email" meta={fields.email} type="email" autoComplete="email" required />
        <SubmitButton>Email me a reset link</SubmitButton>
        <p className="text-sm text-slate-600">
          <Link className="underline" to="/login">
            Back to log in
          </Link>
        </p>
      </Form>
    </AuthCard>
  )
}
