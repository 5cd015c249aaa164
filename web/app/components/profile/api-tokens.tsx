// Personal API tokens: list (never the secret), create (the secret shown once), revoke.
import { Form } from '@remix-run/react'
import { FormError } from '~/components/form.tsx'
import { InlineField, IntentButton } from '~/components/inline-field.tsx'
import type { FormResult } from '~/lib/forms.server.ts'

export interface CreatedToken {
  name: string
  token: string
}

interface Token {
  id: string
  name: string
  prefix: string
  createdAt: string
  lastUsedAt: string | null
  expiresAt: string | null
}

const day = (iso: string | null) => iso?.slice(0, 10) ?? 'never'

export function ApiTokens({
  tokens,
  created,
  result,
}: {
  tokens: Token[]
  created: CreatedToken | undefined
  result: FormResult | undefined
}) {
  return (
    <section aria-labelledby="api-tokens" className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="api-tokens" className="text-lg font-semibold">
        API tokens
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        A token acts with your role on this workspace only. Send it as <code>Authorization: Bearer</code>.
      </p>
      {created && <NewToken created={created} />}
      <Form method="post" className="mt-4 flex flex-wrap items-end gap-2" noValidate>
        <input type="hidden" name="intent" value="create-token" />
        <InlineField
          id="token-name"
          label="Token name"
          name="tokenName"
          required
          defaultValue={result?.values?.tokenName}
          error={result?.fieldErrors?.name}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor="token-expiry" className="text-xs font-medium text-slate-700">
            Expires
          </label>
          <select
            id="token-expiry"
            name="expiresInDays"
            defaultValue="90"
            className="min-h-11 rounded-md border border-slate-300 bg-white px-2 text-sm"
          >
            <option value="30">in 30 days</option>
            <option value="90">in 90 days</option>
            <option value="365">in a year</option>
            <option value="">never</option>
          </select>
        </div>
        <IntentButton intent="create-token" variant="primary">
          Create token
        </IntentButton>
      </Form>
      {result?.formError && !result.fieldErrors?.name && (
        <div className="mt-3">
          <FormError message={result.formError} />
        </div>
      )}
      {tokens.length === 0 ? (
        <p className="mt-6 text-sm text-slate-700">You have no tokens.</p>
      ) : (
        <ul className="mt-6 divide-y divide-slate-100 border-t border-slate-100">
          {tokens.map((token) => (
            <li key={token.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
              <div className="min-w-0">
                <p className="font-medium break-words">{token.name}</p>
                <p className="text-sm text-slate-600">
                  <code>{token.prefix}…</code> · created {day(token.createdAt)} · last used{' '}
                  {token.lastUsedAt ? day(token.lastUsedAt) : 'never'} · expires {day(token.expiresAt)}
                </p>
              </div>
              <Form method="post">
                <input type="hidden" name="id" value={token.id} />
                <IntentButton intent="revoke-token" aria-label={`Revoke ${token.name}`}>
                  Revoke
                </IntentButton>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** Shown once, right after creation, in a read-only field that is easy to select and copy. */
function NewToken({ created }: { created: CreatedToken }) {
  return (
    <div role="status" className="mt-4 rounded-md border border-emerald-200 bg-emerald-50 p-4">
      <label htmlFor="new-token" className="text-sm font-medium text-emerald-900">
        Your new token “{created.name}”: copy it now, it will not be shown again
      </label>
      <input
        id="new-token"
        readOnly
        value={created.token}
        spellCheck={false}
        className="mt-2 min-h-11 w-full rounded-md border border-emerald-300 bg-white px-3 font-mono text-sm"
      />
    </div>
  )
}
