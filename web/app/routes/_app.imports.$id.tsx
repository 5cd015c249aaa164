// One CSV import (issue 15, ADR 0174), by status. Uploaded: the mapping form (a field per column, preselected
// with the API's guess; the duplicate mode) with "Check" (saves it, shows the new preview) and "Start import",
// then the preview of the first rows as the run would treat them. Running or undoing: a progress bar and a
// <meta refresh>, so the page follows the run without JavaScript. Done: the counts, the rejected rows as CSV,
// and undo. Undone: when.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { Form, FormError, SubmitButton } from '~/components/form.tsx'
import { ImportDone } from '~/components/imports/import-done.tsx'
import { ImportStatus, importKind } from '~/components/imports/import-status.tsx'
import { MappingForm } from '~/components/imports/mapping-form.tsx'
import { PreviewTable } from '~/components/imports/preview-table.tsx'
import { PageHeader } from '~/components/records/page-header.tsx'
import { Alert } from '~/components/ui/alert.tsx'
import { cardClass } from '~/components/ui/card.ts'
import { apiClient, type FieldProblem, readProblem } from '~/lib/api.server.ts'
import { requireUser } from '~/lib/auth.server.ts'
import { DEDUPE_MODES, mappingFromForm } from '~/lib/imports.ts'
import { workspaceLocale } from '~/lib/records.server.ts'
import { must } from '~/lib/sales.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }

const UNDER_WAY = new Set(['running', 'undoing'])

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.imp.fileName ?? 'Import'} · Import · Aura CRM` },
  // Follows a run in the background without JavaScript: the page reloads itself every 2 s until it is over.
  ...(data && UNDER_WAY.has(data.imp.status) ? [{ httpEquiv: 'refresh', content: '2' } as const] : []),
]

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context)
  const id = params.id ?? ''
  const api = apiClient(request, context)
  const imp = await must(await api.imports[':id'].$get({ param: { id } }), request, context)
  const locale = await workspaceLocale(api, request, context)
  return { imp, timezone: locale.timezone }
}

export type ImportActionResult = {
  error?: string
  errors?: FieldProblem[]
  mapping?: (string | null)[]
  dedupeMode?: string
}

export async function action({
  request,
  context,
  params,
}: ActionFunctionArgs): Promise<ImportActionResult | Response> {
  await requireUser(request, context)
  const id = params.id ?? ''
  const form = await request.formData()
  const intent = form.get('intent')
  const api = apiClient(request, context)
  const refused = async (res: Parameters<typeof readProblem>[0], kept: ImportActionResult = {}) => {
    const problem = await readProblem(res)
    if (problem.status === 401) return redirect(`/login?next=${encodeURIComponent(`/imports/${id}`)}`)
    const unnamed = problem.errors.filter((e) => !/^mapping\.\d+$/.test(e.field))
    return {
      ...kept,
      error: [problem.title, ...unnamed.map((e) => e.message)].join(': '),
      errors: problem.errors,
    }
  }
  if (intent === 'undo') {
    const res = await api.imports[':id'].undo.$post({ param: { id } })
    return res.ok ? redirect(`/imports/${id}`) : refused(res)
  }
  const columns = Number(form.get('columns'))
  const mapping = mappingFromForm(form, Number.isInteger(columns) && columns > 0 ? columns : 0)
  const mode = DEDUPE_MODES.find((m) => m.value === form.get('dedupeMode'))?.value
  const kept = { mapping, dedupeMode: mode ?? 'skip' }
  const patched = await api.imports[':id'].$patch({
    param: { id },
    json: { mapping, ...(mode ? { dedupeMode: mode } : {}) },
  })
  if (!patched.ok) return refused(patched, kept)
  if (intent === 'start') {
    const started = await api.imports[':id'].start.$post({ param: { id } })
    if (!started.ok) return refused(started, kept)
  }
  return redirect(`/imports/${id}`)
}

export default function ImportPage() {
  const { imp, timezone } = useLoaderData<typeof loader>()
  const result = useActionData<ImportActionResult>()
  const when = (iso: string | null) =>
    iso
      ? new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: timezone }).format(
          new Date(iso),
        )
      : ''
  const noun = imp.entity === 'contact' ? 'contacts' : 'organizations'
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <p className="text-sm text-slate-600">
        <Link to="/imports" className="inline-flex min-h-11 items-center hover:underline">
          Imports
        </Link>
      </p>
      <PageHeader title={`Import: ${imp.fileName}`} />
      <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <ImportStatus status={imp.status} />
        <span>
          {importKind(imp.entity)} · {imp.totalRows.toLocaleString('en')} rows · uploaded{' '}
          {when(imp.createdAt)}
        </span>
      </p>
      {imp.status === 'uploaded' && (
        <>
          <MappingForm
            imp={imp}
            error={result?.error}
            errors={[...imp.mappingErrors, ...(result?.errors ?? [])]}
            chosen={result?.mapping}
            chosenMode={result?.dedupeMode}
          />
          <section aria-labelledby="preview-heading" className="flex min-w-0 flex-col gap-2">
            <h2 id="preview-heading" className="text-lg font-semibold">
              Preview of the first rows
            </h2>
            <p className="text-sm text-slate-700">
              What the import would do with the first {imp.preview.length} rows, with the mapping and
              duplicate choice saved by the last “Check”.
            </p>
            <PreviewTable imp={imp} />
          </section>
        </>
      )}
      {UNDER_WAY.has(imp.status) && (
        <div className={`${cardClass} flex flex-col gap-2`}>
          {imp.status === 'running' ? (
            <>
              <label htmlFor="import-progress" className="font-medium">
                Importing {noun}…
              </label>
              <progress
                id="import-progress"
                value={imp.processedRows}
                max={Math.max(imp.totalRows, 1)}
                className="w-full"
              />
              <p className="text-sm text-slate-700">
                {imp.processedRows.toLocaleString('en')} of {imp.totalRows.toLocaleString('en')} rows
              </p>
            </>
          ) : (
            <>
              <label htmlFor="import-progress" className="font-medium">
                Undoing the import…
              </label>
              <progress
                id="import-progress"
                value={imp.undoneRows}
                max={Math.max(imp.processedRows, 1)}
                className="w-full"
              />
              <p className="text-sm text-slate-700">
                {imp.undoneRows.toLocaleString('en')} of {imp.processedRows.toLocaleString('en')} rows
              </p>
            </>
          )}
          <p className="text-sm text-slate-600">This page refreshes itself every 2 seconds.</p>
        </div>
      )}
      {imp.status === 'done' && (
        <>
          <ImportDone id={imp.id} counts={imp.counts} finished={when(imp.finishedAt)} noun={noun} />
          <Form method="post" className={`${cardClass} flex flex-col gap-3`}>
            <h2 className="text-lg font-semibold">Undo this import</h2>
            <FormError message={result?.error} />
            <p className="text-sm text-slate-700">
              Undo removes the {noun} this import created and gives the {noun} it updated back the values it
              replaced. Rows it skipped or rejected were never written.
            </p>
            <div>
              <SubmitButton name="intent" value="undo">
                Undo this import
              </SubmitButton>
            </div>
          </Form>
        </>
      )}
      {imp.status === 'undone' && (
        <Alert tone="info">
          This import was undone on {when(imp.undoneAt)}: the {noun} it created are removed and the ones it
          updated have their earlier values back.
        </Alert>
      )}
    </div>
  )
}
