// Your own profile (F3.6) and personal API tokens. A new token's secret is shown once, in the action's
// answer, and never put in a URL; everything else redirects back (Post/Redirect/Get).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { ApiTokens, type CreatedToken } from '~/components/profile/api-tokens.tsx'
import { ProfileForm } from '~/components/profile/profile-form.tsx'
import { type ApiClient, apiClient, readProblem } from '~/lib/api.server.ts'
import { requireUser } from '~/lib/auth.server.ts'
import { errorPage } from '~/lib/errors.server.ts'
import { redirectWithFlash } from '~/lib/flash.server.ts'
import { replyFor } from '~/lib/form-reply.ts'
import { invalid, parseForm, refusal } from '~/lib/forms.server.ts'
import { ZCreateToken, ZProfileFields, ZTokenParams } from '~/lib/inputs.server.ts'
import { timeZoneChoices } from '~/lib/zoned-time.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }

export const meta: MetaFunction = () => [{ title: 'Your profile · Aura CRM' }]

/** There is no GET /users/{id}; the member list is paged until we meet ourselves. */
async function findMember(api: ApiClient, id: string) {
  let cursor: string | undefined
  for (let page = 0; page < 20; page++) {
    const res = await api.users.$get({ query: { limit: '100', ...(cursor ? { cursor } : {}) } })
    if (res.status !== 200) throw errorPage((await readProblem(res)).status === 403 ? 403 : 502)
    const body = await res.json()
    const member = body.data.find((m) => m.id === id)
    if (member) return member
    if (!body.nextCursor) break
    cursor = body.nextCursor
  }
  throw errorPage(404)
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const me = await requireUser(request, context)
  const api = apiClient(request, context)
  const [member, tokens, workspace] = await Promise.all([
    findMember(api, me.id),
    api.tokens.$get(),
    api.workspace.$get(),
  ])
  if (tokens.status !== 200 || workspace.status !== 200) throw errorPage(502)
  return {
    member,
    tokens: (await tokens.json()).data,
    // The time zone choices (the API checks against the same runtime list) and what "Workspace default" is.
    timezones: timeZoneChoices(member.timezone),
    workspaceTimezone: (await workspace.json()).timezone,
    // Dates on this page read in the zone the user had when it loaded (ADR 0164).
    timezone: me.effectiveTimezone,
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const me = await requireUser(request, context)
  const form = await request.formData()
  const api = apiClient(request, context)
  switch (form.get('intent')) {
    case 'profile': {
      // All five fields are sent; a blank optional one is null, which clears it (a blank time zone: the
      // workspace's).
      const s = parseForm(form, ZProfileFields)
      if (s.status !== 'success') return invalid(s)
      const res = await api.users[':id'].$patch({ param: { id: me.id }, json: s.value })
      return res.status === 200 ? redirectWithFlash(request, '/profile', 'profile.saved') : refusal(s, res)
    }
    case 'create-token': {
      const s = parseForm(form, ZCreateToken)
      if (s.status !== 'success') return invalid(s)
      const res = await api.tokens.$post({ json: s.value })
      if (res.status !== 201) return refusal(s, res)
      const token = await res.json()
      return { created: { name: token.name, token: token.token } satisfies CreatedToken }
    }
    case 'revoke-token': {
      const s = parseForm(form, ZTokenParams)
      if (s.status !== 'success') return invalid(s)
      const res = await api.tokens[':id'].$delete({ param: s.value })
      return res.status === 204 ? redirectWithFlash(request, '/profile', 'token.revoked') : refusal(s, res)
    }
    default:
      throw errorPage(400)
  }
}

export default function Profile() {
  const { member, tokens, timezones, workspaceTimezone, timezone } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  // A created token is the one answer that is not a form's reply: its secret, shown once.
  const created = result && 'created' in result ? result.created : undefined
  const reply = result && 'created' in result ? undefined : result
  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Your profile</h1>
        <p className="mt-1 text-sm break-all text-slate-600">
          {member.email} · {member.role}
        </p>
      </div>
      <ProfileForm
        member={member}
        lastResult={replyFor(reply, 'profile')}
        timezones={timezones}
        workspaceTimezone={workspaceTimezone}
      />
      <ApiTokens
        tokens={tokens}
        timezone={timezone}
        created={created}
        createResult={replyFor(reply, 'create-token')}
        revokeResult={replyFor(reply, 'revoke-token')}
      />
    </div>
  )
}
