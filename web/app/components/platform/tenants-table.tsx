// Workspaces and their lifecycle: suspend, resume, and delete (which asks for the slug typed back).
import { Form } from '@remix-run/react'
import { InlineField, IntentButton } from '~/components/inline-field.tsx'
import type { FormResult } from '~/lib/forms.server.ts'
import { ConsoleTable, td } from './console-table.tsx'

export interface PlatformTenant {
  id: string
  slug: string
  companyName: string
  status: 'prospect' | 'pending' | 'active' | 'suspended' | 'deleted'
  activatedAt: string | null
  purgeAfter: string | null
}

export function TenantsTable({ tenants, result }: { tenants: PlatformTenant[]; result?: FormResult }) {
  if (tenants.length === 0) return <p className="text-slate-700">No workspaces yet.</p>
  return (
    <ConsoleTable columns={['Slug', 'Company', 'Status', 'Activated', 'Actions']}>
      {tenants.map((tenant) => (
        <tr key={tenant.id}>
          <td className={`${td} font-mono`}>{tenant.slug}</td>
          <td className={td}>{tenant.companyName}</td>
          <td className={td}>
            {tenant.status}
            {tenant.purgeAfter && (
              <span className="block text-xs text-slate-600">
                purged after {tenant.purgeAfter.slice(0, 10)}
              </span>
            )}
          </td>
          <td className={`${td} whitespace-nowrap`}>{tenant.activatedAt?.slice(0, 10) ?? '—'}</td>
          <td className={td}>
            <TenantActions tenant={tenant} result={result} />
          </td>
        </tr>
      ))}
    </ConsoleTable>
  )
}

function TenantActions({ tenant, result }: { tenant: PlatformTenant; result: FormResult | undefined }) {
  if (tenant.status === 'deleted') return <span className="text-slate-600">Archived</span>
  const failedDelete = result?.values?.intent === 'delete' && result.values.id === tenant.id
  return (
    <div className="flex flex-wrap items-start gap-2">
      {(tenant.status === 'active' || tenant.status === 'suspended') && (
        <Form method="post">
          <input type="hidden" name="id" value={tenant.id} />
          {tenant.status === 'active' ? (
            <IntentButton intent="suspend" aria-label={`Suspend ${tenant.slug}`}>
              Suspend
            </IntentButton>
          ) : (
            <IntentButton intent="resume" aria-label={`Resume ${tenant.slug}`}>
              Resume
            </IntentButton>
          )}
        </Form>
      )}
      <details className="rounded-md" open={failedDelete}>
        <summary className="inline-flex min-h-11 cursor-pointer items-center rounded-md px-3 text-sm font-medium text-red-800 hover:bg-red-50">
          Delete<span className="sr-only"> {tenant.slug}</span>…
        </summary>
        <Form method="post" className="mt-2 flex flex-wrap items-end gap-2">
          <input type="hidden" name="id" value={tenant.id} />
          <InlineField
            id={`confirm-${tenant.id}`}
            label={`Type ${tenant.slug} to confirm`}
            name="confirm"
            autoComplete="off"
            required
            error={failedDelete ? (result?.fieldErrors?.confirm ?? result?.formError) : undefined}
          />
          <IntentButton intent="delete" variant="danger">
            Delete workspace
          </IntentButton>
        </Form>
      </details>
    </div>
  )
}
