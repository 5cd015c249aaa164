// Personal API tokens: list (never the secret), create (the secret shown once), revoke.
import { getFormProps, getSelectProps, useForm } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { errorText, FormErrors, inputProps } from '~/components/form.tsx'
import { InlineField, IntentButton } from '~/components/inline-field.tsx'
import { Alert } from '~/components/ui/alert.tsx'
import type { FormReply } from '~/lib/forms.server.ts'
import { formatDayInZone } from '~/lib/zoned-time.ts'

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

export function ApiTokens({
  tokens,
  created,
  createResult,
  revokeResult,
  timezone,
}: {
  tokens: Token[]
  /** The reader's zone (ADR 0164): each date is the instant's day there. */
  timezone: string
  created: CreatedToken | undefined
  /** The create form's reply, and a revoke's (shown here: the refused token's row may be gone). */
  createResult: FormReply | undefined
  revokeResult: FormReply | undefined
}) {
  const day = (iso: string | null) => (iso ? formatDayInZone(iso, timezone) : 'never')
  // A revoke sends only the token's id: whatever was refused about it is the form's message.
  const revokeErrors = Object.values(revokeResult?.error ?? {}).flatMap((messages) => messages ?? [])
  return (
    <section aria-labelledby="api-tokens" className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="api-tokens" className="text-lg font-semibold">
        API tokens
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        A token acts with your role on this workspace only. Send it as <code>Authorization: Bearer</code>.
      </p>
      {created && <NewToken created={created} />}
      <CreateToken lastResult={createResult} />
      {revokeErrors.length > 0 && (
        <div className="mt-3">
          <FormErrors errors={revokeErrors} />
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

/**
 * Name and lifetime of a new token; a blank lifetime is a token that never expires. The button carries the
 * intent (pressing Enter in the name sends it too, as the form's default button).
 */
function CreateToken({ lastResult }: { lastResult: FormReply | undefined }) {
  const [form, fields] = useForm<{ name: string; expiresInDays: string }>({
    id: 'create-token',
    lastResult,
    defaultValue: { expiresInDays: '90' },
  })
  return (
    <>
      <Form method="post" {...getFormProps(form)} className="mt-4 flex flex-wrap items-end gap-2" noValidate>
        <InlineField
          {...inputProps(fields.name)}
          id={fields.name.id}
          label="Token name"
          required
          error={errorText(fields.name)}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor={fields.expiresInDays.id} className="text-xs font-medium text-slate-700">
            Expires
          </label>
          <select
            {...getSelectProps(fields.expiresInDays)}
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
      {form.errors && !fields.name.errors && (
        <div className="mt-3">
          <FormErrors errors={form.errors} />
        </div>
      )}
    </>
  )
}

/** Shown once, right after creation, in a read-only field that is easy to select and copy. */
function NewToken({ created }: { created: CreatedToken }) {
  return (
    <Alert tone="success" className="mt-4 p-4">
      <label htmlFor="new-token" className="font-medium">
        Your new token “{created.name}”: copy it now, it will not be shown again
      </label>
      <input
        id="new-token"
        readOnly
        value={created.token}
        spellCheck={false}
        className="mt-2 min-h-11 w-full rounded-md border border-emerald-300 bg-white px-3 font-mono text-sm"
      />
    </Alert>
  )
}
