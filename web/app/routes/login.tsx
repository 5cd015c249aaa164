// Sign in on this host: the root domain (platform admins, accounts awaiting activation) or a workspace.
import { getFormProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import type { z } from 'zod'
import { AuthCard } from '~/components/auth-card.tsx'
import { Form, FormErrors, FormField, SubmitButton } from '~/components/form.tsx'
import { PasswordField } from '~/components/password-field.tsx'
import { apiClient, cookiesFrom } from '~/lib/api.server.ts'
import { currentUser } from '~/lib/auth.server.ts'
import { invalid, parseForm, refusal } from '~/lib/forms.server.ts'
import { ZLogin } from '~/lib/inputs.server.ts'
import { homeFor } from '~/lib/root-site.server.ts'
import { safeRedirectPath } from '~/lib/safe-redirect.ts'
import { siteFor } from '~/lib/site.server.ts'

export const meta: MetaFunction = () => [{ title: 'Log in · Aura CRM' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const site = siteFor(request, context.rootDomain)
  const me = await currentUser(request, context)
  if (me) throw redirect(homeFor(site.kind, me))
  return { workspace: site.kind === 'tenant' ? site.slug : null }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseForm(await request.formData(), ZLogin)
  if (submission.status !== 'success') return invalid(submission)
  const res = await apiClient(request, context).auth.login.$post({ json: submission.value })
  // A wrong password (401) or a rate limit or backoff (429) is the API's title, above the form.
  if (res.status !== 200) return refusal(submission, res)
  const me = await res.json()
  const site = siteFor(request, context.rootDomain)
  const next = safeRedirectPath(new URL(request.url).searchParams.get('next'), homeFor(site.kind, me))
  return redirect(next, { headers: cookiesFrom(res) })
}

export default function Login() {
  const { workspace } = useLoaderData<typeof loader>()
  const [form, fields] = useForm<z.input<typeof ZLogin>>({
    id: 'login',
    lastResult: useActionData<typeof action>(),
  })
  return (
    <AuthCard
      title={workspace ? `Log in to ${workspace}` : 'Log in to Aura'}
      {...(workspace ? { label: workspace } : {})}
    >
      <Form method="post" {...getFormProps(form)} className="flex flex-col gap-4" noValidate>
        <FormErrors errors={form.errors} />
        <FormField label="Email" meta={fields.email} type="email" autoComplete="email" required />
        <PasswordField meta={fields.password} purpose="current" />
        <SubmitButton>Log in</SubmitButton>
        <p className="text-sm text-slate-600">
          <Link className="underline" to="/forgot-password">
            Forgot your password?
          </Link>
          {!workspace && (
            <>
              {' · '}
              <Link className="underline" to="/signup">
                Create an account
              </Link>
            </>
          )}
        </p>
      </Form>
    </AuthCard>
  )
}
