// The emailed reset link: choose a new password. The API ends every other session and signs the user in
// here, so its cookie is passed on and the user lands on their home page.
import { PASSWORD_MIN } from '@aura/db/passwords'
import { getFormProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import type { z } from 'zod'
import { AuthCard } from '~/components/auth-card.tsx'
import { Form, FormErrors, SubmitButton } from '~/components/form.tsx'
import { InvalidLink } from '~/components/invalid-link.tsx'
import { PasswordField } from '~/components/password-field.tsx'
import { apiClient, cookiesFrom } from '~/lib/api.server.ts'
import { errorPage } from '~/lib/errors.server.ts'
import { invalid, parseForm, refusal } from '~/lib/forms.server.ts'
import { ZConfirmPasswordReset } from '~/lib/inputs.server.ts'
import { homeFor } from '~/lib/root-site.server.ts'
import { siteFor } from '~/lib/site.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }

export const meta: MetaFunction = () => [{ title: 'Choose a new password · Aura CRM' }]

function siteOf(request: Request, rootDomain: string) {
  const site = siteFor(request, rootDomain)
  if (site.kind === 'unknown') throw errorPage(404)
  return site
}

export function loader({ request, context }: LoaderFunctionArgs) {
  const site = siteOf(request, context.rootDomain)
  return {
    token: new URL(request.url).searchParams.get('token') ?? '',
    workspace: site.kind === 'tenant' ? site.slug : null,
    passwordMin: PASSWORD_MIN,
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const site = siteOf(request, context.rootDomain)
  const submission = parseForm(await request.formData(), ZConfirmPasswordReset)
  if (submission.status !== 'success') return invalid(submission)
  const res = await apiClient(request, context).auth['password-reset'].confirm.$post({
    json: submission.value,
  })
  if (res.status === 200) {
    return redirect(homeFor(site.kind, await res.json()), { headers: cookiesFrom(res) })
  }
  return refusal(submission, res)
}

export default function ResetPassword() {
  const { token, workspace, passwordMin } = useLoaderData<typeof loader>()
  const [form, fields] = useForm<z.input<typeof ZConfirmPasswordReset>>({
    id: 'reset-password',
    lastResult: useActionData<typeof action>(),
  })
  // A malformed, used or expired token is refused on the `token` field: the link itself is the problem.
  if (!token || fields.token.errors) {
    return (
      <InvalidLink
        title="This reset link does not work"
        retry={{ to: '/forgot-password', label: 'Ask for a new link' }}
      />
    )
  }
  return (
    <AuthCard title="Choose a new password" {...(workspace ? { label: workspace } : {})}>
      <Form method="post" {...getFormProps(form)} className="flex flex-col gap-4" noValidate>
        <FormErrors errors={form.errors} />
        <input type="hidden" name={fields.token.name} value={token} />
        <PasswordField
          meta={fields.password}
          purpose="new"
          label="New password"
          hint={`At least ${passwordMin} characters. This signs you out everywhere else.`}
        />
        <SubmitButton>Set password and log in</SubmitButton>
      </Form>
    </AuthCard>
  )
}
