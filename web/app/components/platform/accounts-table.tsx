// Pre-tenant accounts: the platform admin records the signed contract, then activates the workspace.
import { getFormProps, useForm } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { errorText, inputProps } from '~/components/form.tsx'
import { InlineField, IntentButton } from '~/components/inline-field.tsx'
import { type Column, DataTable } from '~/components/ui/data-table.tsx'
import { replyFor } from '~/lib/form-reply.ts'
import type { FormReply } from '~/lib/forms.server.ts'

export interface PlatformAccount {
  id: string
  email: string
  name: string | null
  emailVerified: boolean
  contractStatus: 'none' | 'signed'
  contractSignedAt: string | null
  requestedCompanyName: string | null
  requestedSlug: string | null
}

export function AccountsTable({ accounts, result }: { accounts: PlatformAccount[]; result?: FormReply }) {
  const columns: Column<PlatformAccount>[] = [
    { header: 'Email', primary: true, className: 'break-all', cell: (a) => a.email },
    { header: 'Name', cell: (a) => a.name ?? '—' },
    { header: 'Verified', cell: (a) => (a.emailVerified ? 'Yes' : 'No') },
    {
      header: 'Contract',
      className: 'sm:whitespace-nowrap',
      cell: (a) =>
        a.contractStatus === 'signed' ? `Signed ${a.contractSignedAt?.slice(0, 10)}` : 'Not signed',
    },
    { header: 'Requested company', cell: (a) => a.requestedCompanyName ?? '—' },
    { header: 'Action', cell: (a) => <AccountAction account={a} result={result} /> },
  ]
  return (
    <DataTable
      caption="Accounts awaiting a workspace"
      columns={columns}
      rows={accounts}
      rowKey={(a) => a.id}
      empty={<p className="text-slate-700">No accounts are waiting.</p>}
    />
  )
}

function AccountAction({ account, result }: { account: PlatformAccount; result: FormReply | undefined }) {
  if (account.contractStatus === 'none') {
    return (
      <Form method="post">
        <input type="hidden" name="id" value={account.id} />
        <IntentButton intent="sign-contract" aria-label={`Mark contract signed for ${account.email}`}>
          Mark contract signed
        </IntentButton>
      </Form>
    )
  }
  if (!account.emailVerified) return <p className="text-sm text-slate-600">Waiting for email confirmation</p>
  // Errors and typed values come back only for the row whose form was sent.
  return (
    <ActivateForm
      account={account}
      lastResult={replyFor(result, 'activate', { name: 'id', value: account.id })}
    />
  )
}

/** Slug and company name, prefilled with what the account asked for at signup. */
function ActivateForm({
  account,
  lastResult,
}: {
  account: PlatformAccount
  lastResult: FormReply | undefined
}) {
  const [form, fields] = useForm({
    id: `activate-${account.id}`,
    lastResult,
    defaultValue: { slug: account.requestedSlug, companyName: account.requestedCompanyName },
  })
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      className="flex flex-wrap items-end gap-2"
      aria-label={`Activate ${account.email}`}
    >
      <input type="hidden" name="id" value={account.id} />
      <InlineField
        {...inputProps(fields.slug)}
        id={fields.slug.id}
        label="Slug"
        required
        error={errorText(fields.slug)}
      />
      <InlineField
        {...inputProps(fields.companyName)}
        id={fields.companyName.id}
        label="Company name"
        required
        error={errorText(fields.companyName)}
      />
      <IntentButton intent="activate" variant="primary">
        Activate
      </IntentButton>
    </Form>
  )
}
