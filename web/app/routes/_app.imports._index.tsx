// CSV imports (issue 15, ADR 0174): upload a file of contacts or organizations, then the member's past
// imports. The upload is a plain multipart form posted to this action, which forwards the file to the API
// and sends the browser on to the import's page (mapping and preview); it works without JavaScript.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { Form, FormError, SubmitButton } from '~/components/form.tsx'
import { IdempotencyKeyField } from '~/components/idempotency-key.tsx'
import { ImportStatus, importKind } from '~/components/imports/import-status.tsx'
import { PageHeader } from '~/components/records/page-header.tsx'
import { Pager } from '~/components/records/pager.tsx'
import { SelectField } from '~/components/sales/select-field.tsx'
import { cardClass } from '~/components/ui/card.ts'
import { type Column, DataTable } from '~/components/ui/data-table.tsx'
import { apiClient, readProblem } from '~/lib/api.server.ts'
import { requireUser } from '~/lib/auth.server.ts'
import { IMPORT_ENTITIES, type ImportSummary } from '~/lib/imports.ts'
import { workspaceLocale } from '~/lib/records.server.ts'
import { must } from '~/lib/sales.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }
export const meta: MetaFunction = () => [{ title: 'Import · Aura CRM' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context)
  const params = new URL(request.url).searchParams
  const cursor = params.get('cursor') ?? undefined
  const entity = IMPORT_ENTITIES.find((e) => e === params.get('entity')) ?? 'contact'
  const api = apiClient(request, context)
  const page = await must(
    await api.imports.$get({ query: { limit: '25', ...(cursor ? { cursor } : {}) } }),
    request,
    context,
  )
  const locale = await workspaceLocale(api, request, context)
  return { entity, page, onFirstPage: !cursor, timezone: locale.timezone }
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context)
  let form: FormData
  try {
    form = await request.formData()
  } catch {
    return { error: 'The file could not be read. Files of at most 20 MB can be imported.' }
  }
  const entity = IMPORT_ENTITIES.find((e) => e === form.get('entity'))
  const file = form.get('file')
  if (!entity) return { error: 'Choose what the file holds: contacts or organizations.' }
  if (!(file instanceof Blob) || file.size === 0) return { error: 'Choose a CSV file to import.' }
  const api = apiClient(request, context, form)
  const res = await api.imports.$post({ form: { entity, file } })
  if (res.status === 201) {
    const created = await res.json()
    return redirect(`/imports/${created.id}`)
  }
  const problem = await readProblem(res)
  if (problem.status === 401) return redirect('/login?next=/imports')
  if (problem.status === 413) return { error: 'The file is over 20 MB. Split it and import each part.' }
  return { error: [problem.title, ...problem.errors.map((e) => e.message)].join(': ') }
}

export default function Imports() {
  const { entity, page, onFirstPage, timezone } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: timezone })
  const columns: Column<ImportSummary>[] = [
    {
      header: 'File',
      primary: true,
      className: 'wrap-anywhere',
      cell: (i) => (
        <Link
          to={`/imports/${i.id}`}
          className="inline-flex min-h-11 items-center text-indigo-700 hover:underline"
        >
          {i.fileName}
        </Link>
      ),
    },
    { header: 'Kind', cell: (i) => importKind(i.entity) },
    { header: 'Status', cell: (i) => <ImportStatus status={i.status} /> },
    {
      header: 'Rows',
      align: 'end',
      cell: (i) =>
        i.status === 'uploaded'
          ? i.totalRows.toLocaleString('en')
          : `${i.counts.created} created · ${i.counts.updated} updated · ${i.counts.skipped} skipped · ${i.counts.rejected} rejected`,
    },
    { header: 'Uploaded', cell: (i) => when.format(new Date(i.createdAt)) },
  ]
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title="Import" />
      <Form
        method="post"
        encType="multipart/form-data"
        reloadDocument
        className={`${cardClass} flex max-w-2xl flex-col gap-4`}
      >
        <h2 className="text-lg font-semibold">Upload a CSV file</h2>
        <FormError message={result?.error} />
        <IdempotencyKeyField />
        <SelectField label="The file holds" name="entity" defaultValue={entity}>
          <option value="contact">Contacts</option>
          <option value="organization">Organizations</option>
        </SelectField>
        <div className="flex flex-col gap-1">
          <label htmlFor="import-file" className="text-sm font-medium text-slate-800">
            CSV file
          </label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            aria-describedby="import-file-hint"
            className="min-h-11 max-w-full text-base text-slate-900 file:mr-3 file:min-h-11 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:text-sm file:font-medium"
          />
          <p id="import-file-hint" className="text-sm text-slate-600">
            At most 20 MB and 100,000 rows; UTF-8 or Windows-1252; columns separated by commas or semicolons,
            with a header row. You choose what each column fills before anything is written.
          </p>
        </div>
        <div>
          <SubmitButton>Upload</SubmitButton>
        </div>
      </Form>
      <h2 className="text-lg font-semibold">Your imports</h2>
      <DataTable
        caption="Your imports"
        columns={columns}
        rows={page.data}
        rowKey={(i) => i.id}
        empty={<p className="text-slate-700">No imports yet.</p>}
      />
      <Pager params={{}} nextCursor={page.nextCursor} onFirstPage={onFirstPage} />
    </div>
  )
}
