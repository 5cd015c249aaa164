// Sign in on this host: the root domain (platform admins, accounts awaiting activation) or a workspace.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { AuthCard } from '~/components/auth-card.tsx'
import { Field, Form, FormError, SubmitButton } from '~/components/form.tsx'
import { apiClient, cookiesFrom } from '~/lib/api.server.ts'
import { currentUser } from '~/lib/auth.server.ts'
import { type FormResult, formFailure, formValues } from '~/lib/forms.server.ts'
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
  const values = await formValues(request)
  const res = await apiClient(request, context).auth.login.$post({
    json: { email: values.email ?? '', password: values.password ?? '' },
  })
  if (res.status !== 200) return formFailure(res, values)
  const me = await res.json()
  const site = siteFor(request, context.rootDomain)
  const next = safeRedirectPath(new URL(request.url).searchParams.get('next'), homeFor(site.kind, me))
  return redirect(next, { headers: cookiesFrom(res) })
}

export default function Login() {
  const { workspace } = useLoaderData<typeof loader>()
  const result = useActionData<FormResult>()
  return (
    <AuthCard
      title={workspace ? `Log in to ${workspace}` : 'Log in to Aura'}
      {...(workspace ? { label: workspace } : {})}
    >
      <Form method="post" className="flex flex-col gap-4" noValidate>
        <FormError message={result?.formError} />
        <Field
          label="Email"
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
          autoComplete="current-password"
          required
          error={result?.fieldErrors?.password}
        />
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
