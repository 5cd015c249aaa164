// Pre-tenant accounts: the platform admin records the signed contract, then activates the workspace.
import { Form } from '@remix-run/react'
import { InlineField, IntentButton } from '~/components/inline-field.tsx'
import type { FormResult } from '~/lib/forms.server.ts'
import { ConsoleTable, td } from './console-table.tsx'

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

export function AccountsTable({ accounts, result }: { accounts: PlatformAccount[]; result?: FormResult }) {
  if (accounts.length === 0) return <p className="text-slate-700">No accounts are waiting.</p>
  return (
    <ConsoleTable columns={['Email', 'Name', 'Verified', 'Contract', 'Requested company', 'Action']}>
      {accounts.map((account) => (
        <tr key={account.id}>
          <td className={`${td} break-all`}>{account.email}</td>
          <td className={td}>{account.name ?? '—'}</td>
          <td className={td}>{account.emailVerified ? 'Yes' : 'No'}</td>
          <td className={`${td} whitespace-nowrap`}>
            {account.contractStatus === 'signed'
              ? `Signed ${account.contractSignedAt?.slice(0, 10)}`
              : 'Not signed'}
          </td>
          <td className={td}>{account.requestedCompanyName ?? '—'}</td>
          <td className={td}>
            <AccountAction account={account} result={result} />
          </td>
        </tr>
      ))}
    </ConsoleTable>
  )
}

function AccountAction({ account, result }: { account: PlatformAccount; result: FormResult | undefined }) {
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
  const mine = result?.values?.intent === 'activate' && result.values.id === account.id ? result : undefined
  return (
    <Form method="post" className="flex flex-wrap items-end gap-2" aria-label={`Activate ${account.email}`}>
      <input type="hidden" name="id" value={account.id} />
      <InlineField
        id={`slug-${account.id}`}
        label="Slug"
        name="slug"
        required
        defaultValue={mine?.values?.slug ?? account.requestedSlug ?? ''}
        error={mine?.fieldErrors?.slug}
      />
      <InlineField
        id={`company-${account.id}`}
        label="Company name"
        name="companyName"
        required
        defaultValue={mine?.values?.companyName ?? account.requestedCompanyName ?? ''}
        error={mine?.fieldErrors?.companyName}
      />
      <IntentButton intent="activate" variant="primary">
        Activate
      </IntentButton>
    </Form>
  )
}
