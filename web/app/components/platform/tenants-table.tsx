// Workspaces and their lifecycle: suspend, resume, and delete (which asks for the slug typed back).
import { useForm } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { errorText, inputProps } from '~/components/form.tsx'
import { InlineField, IntentButton } from '~/components/inline-field.tsx'
import { ConfirmDisclosure } from '~/components/ui/confirm-disclosure.tsx'
import { type Column, DataTable } from '~/components/ui/data-table.tsx'
import { replyFor } from '~/lib/form-reply.ts'
import type { FormReply } from '~/lib/forms.server.ts'

export interface PlatformTenant {
  id: string
  slug: string
  companyName: string
  status: 'prospect' | 'pending' | 'active' | 'suspended' | 'deleted'
  activatedAt: string | null
  purgeAfter: string | null
}

export function TenantsTable({ tenants, result }: { tenants: PlatformTenant[]; result?: FormReply }) {
  const columns: Column<PlatformTenant>[] = [
    { header: 'Slug', primary: true, className: 'font-mono', cell: (t) => t.slug },
    { header: 'Company', cell: (t) => t.companyName },
    {
      header: 'Status',
      cell: (t) => (
        <>
          {t.status}
          {t.purgeAfter && (
            <span className="block text-xs text-slate-600">purged after {t.purgeAfter.slice(0, 10)}</span>
          )}
        </>
      ),
    },
    {
      header: 'Activated',
      className: 'sm:whitespace-nowrap',
      cell: (t) => t.activatedAt?.slice(0, 10) ?? '—',
    },
    { header: 'Actions', cell: (t) => <TenantActions tenant={t} result={result} /> },
  ]
  return (
    <DataTable
      caption="Workspaces"
      columns={columns}
      rows={tenants}
      rowKey={(t) => t.id}
      empty={<p className="text-slate-700">No workspaces yet.</p>}
    />
  )
}

function TenantActions({ tenant, result }: { tenant: PlatformTenant; result: FormReply | undefined }) {
  if (tenant.status === 'deleted') return <span className="text-slate-600">Archived</span>
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
      <DeleteTenant
        tenant={tenant}
        lastResult={replyFor(result, 'delete', { name: 'id', value: tenant.id })}
      />
    </div>
  )
}

/** Deleting asks for the slug typed back; a refused attempt reopens the box with its message. */
function DeleteTenant({ tenant, lastResult }: { tenant: PlatformTenant; lastResult: FormReply | undefined }) {
  // The disclosure renders its own <form>; this form's state gives the field its name, id and error. The
  // input must belong to that <form> as its child: a `form=` naming this state's id would point nowhere.
  const [form, fields] = useForm<{ id: string; confirm: string }>({ id: `delete-${tenant.id}`, lastResult })
  const { form: _owner, ...confirm } = inputProps(fields.confirm)
  return (
    <ConfirmDisclosure
      summary={
        <>
          Delete<span className="sr-only"> {tenant.slug}</span>…
        </>
      }
      open={lastResult !== undefined}
      inline
    >
      <input type="hidden" name="id" value={tenant.id} />
      <InlineField
        {...confirm}
        id={fields.confirm.id}
        label={`Type ${tenant.slug} to confirm`}
        autoComplete="off"
        required
        error={errorText(fields.confirm) ?? form.errors?.join(' ')}
      />
      <IntentButton intent="delete" variant="danger">
        Delete workspace
      </IntentButton>
    </ConfirmDisclosure>
  )
}
