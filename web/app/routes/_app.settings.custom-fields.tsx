// Custom field definitions (admins): per record type, with "Define a field" and retire (values on records
// are kept). Options for select fields are one per line. Zero JS.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Form } from '~/components/form.tsx'
import { CustomFieldForm } from '~/components/settings/custom-field-form.tsx'
import { cardClass } from '~/components/ui/card.ts'
import { apiClient, readProblem } from '~/lib/api.server.ts'
import { ZCustomFieldForm } from '~/lib/custom-field-form.server.ts'
import { errorPage } from '~/lib/errors.server.ts'
import { redirectWithFlash } from '~/lib/flash.server.ts'
import { invalid, parseForm, refusal } from '~/lib/forms.server.ts'
import { requireAdmin } from '~/lib/require-admin.server.ts'
import { must } from '~/lib/sales.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }
export const meta: MetaFunction = () => [{ title: 'Custom fields · Settings · Aura CRM' }]

const ENTITIES = [
  ['organization', 'Organizations'],
  ['contact', 'Contacts'],
  ['deal', 'Deals'],
  ['product', 'Products'],
] as const

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdmin(request, context)
  const api = apiClient(request, context)
  const fields = (await must(await api['custom-fields'].$get({ query: {} }), request, context)).data
  return { fields }
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAdmin(request, context)
  const form = await request.formData()
  const api = apiClient(request, context, form)
  if (form.get('intent') === 'retire') {
    const res = await api['custom-fields'][':id'].$delete({
      param: { id: String(form.get('fieldId') ?? '') },
    })
    if (res.status !== 204) throw errorPage((await readProblem(res)).status === 403 ? 403 : 404)
    return redirectWithFlash(request, '/settings/custom-fields', 'custom-field.retired')
  }
  const submission = parseForm(form, ZCustomFieldForm)
  if (submission.status !== 'success') return invalid(submission)
  const res = await api['custom-fields'].$post({ json: submission.value })
  if (res.status !== 201) return refusal(submission, res)
  return redirectWithFlash(request, '/settings/custom-fields', 'custom-field.created')
}

export default function CustomFields() {
  const { fields } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <h1 className="text-2xl font-semibold tracking-tight">Custom fields</h1>
      {ENTITIES.map(([entity, title]) => {
        const mine = fields.filter((f) => f.entity === entity)
        return (
          <section key={entity} aria-labelledby={`cf-${entity}`} className={cardClass}>
            <h2 id={`cf-${entity}`} className="text-lg font-semibold">
              {title}
            </h2>
            {mine.length === 0 ? (
              <p className="mt-1 text-sm text-slate-700">No custom fields.</p>
            ) : (
              <ul className="mt-1 divide-y divide-slate-100">
                {mine.map((f) => (
                  <li key={f.id} className="flex flex-wrap items-center justify-between gap-2 py-1 text-sm">
                    <span>
                      <span className="font-medium">{f.label}</span>{' '}
                      <span className="text-slate-600">
                        ({f.key} · {f.type}
                        {f.required ? ' · required' : ''}
                        {f.options.length > 0 ? ` · ${f.options.join(', ')}` : ''})
                      </span>
                    </span>
                    <Form method="post">
                      <input type="hidden" name="intent" value="retire" />
                      <input type="hidden" name="fieldId" value={f.id} />
                      <button
                        type="submit"
                        aria-label={`Retire ${f.label}`}
                        className="min-h-11 rounded-md px-3 text-slate-700 hover:bg-slate-100"
                      >
                        Retire
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )
      })}
      <CustomFieldForm result={result} entities={ENTITIES} />
    </div>
  )
}
