// Merge two records (issue 15, ADR 0172): the first record is kept ("keep the other instead" swaps them in
// the address), and per field whose value survives, as plain radio buttons (no JavaScript needed). The related deals, activities and tasks (for organizations: their
// contacts, deals and subsidiaries) move to the one kept; the other is deleted. Undoable for 30 days.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { MergeField } from '~/components/duplicates/merge-field.tsx'
import { Form, FormError, SubmitButton } from '~/components/form.tsx'
import { IdempotencyKeyField } from '~/components/idempotency-key.tsx'
import { cardClass } from '~/components/ui/card.ts'
import { apiClient, readProblem } from '~/lib/api.server.ts'
import { requireUser } from '~/lib/auth.server.ts'
import { must } from '~/lib/sales.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }
export const meta: MetaFunction = () => [{ title: 'Merge duplicates · Aura CRM' }]

type Entity = 'contact' | 'organization'
interface Side {
  id: string
  title: string
  values: Record<string, string | null>
}

const FIELDS: Record<Entity, Array<[key: string, label: string]>> = {
  contact: [
    ['firstName', 'First name'],
    ['lastName', 'Last name'],
    ['email', 'E-mail'],
    ['phone', 'Phone'],
    ['title', 'Title'],
    ['organizationId', 'Company'],
  ],
  organization: [
    ['name', 'Name'],
    ['website', 'Website'],
    ['industry', 'Industry'],
    ['size', 'Size'],
    ['location', 'Location'],
  ],
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function pairOf(params: URLSearchParams | FormData) {
  const entity: Entity = params.get('entity') === 'organization' ? 'organization' : 'contact'
  const a = String(params.get('a') ?? '')
  const b = String(params.get('b') ?? '')
  return { entity, a, b }
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context)
  const { entity, a, b } = pairOf(new URL(request.url).searchParams)
  if (!UUID.test(a) || !UUID.test(b) || a === b) throw redirect('/duplicates')
  const api = apiClient(request, context)
  const side = async (id: string): Promise<Side> => {
    if (entity === 'contact') {
      const c = await must(await api.contacts[':id'].$get({ param: { id } }), request, context)
      return {
        id,
        title: c.fullName,
        values: {
          firstName: c.firstName,
          lastName: c.lastName,
          email: c.email,
          phone: c.phone,
          title: c.title,
          organizationId: c.organization?.name ?? null,
        },
      }
    }
    const o = await must(await api.organizations[':id'].$get({ param: { id } }), request, context)
    return {
      id,
      title: o.name,
      values: { name: o.name, website: o.website, industry: o.industry, size: o.size, location: o.location },
    }
  }
  return { entity, a: await side(a), b: await side(b) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context)
  const form = await request.formData()
  const { entity, a, b } = pairOf(form)
  // The first record (a) is kept; "keep the other instead" swaps the two in the address.
  const fields: Record<string, 'survivor' | 'other'> = {}
  for (const [key] of FIELDS[entity]) {
    const side = form.get(`field.${key}`)
    if (side === 'a' || side === 'b') fields[key] = side === 'a' ? 'survivor' : 'other'
  }
  const [survivorId, otherId] = [a, b]
  const api = apiClient(request, context, form)
  const res = await api.duplicates.merges.$post({
    json: { entity, survivorId, otherId, fields } as never,
  })
  if (res.status === 201) {
    const merge = (await res.json()) as { id: string }
    return redirect(`/duplicates/merges/${merge.id}`)
  }
  const problem = await readProblem(res)
  return { error: [problem.title, ...problem.errors.map((e) => e.message)].join(': ') }
}

export default function MergePage() {
  const { entity, a, b } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const noun = entity === 'contact' ? 'contacts' : 'organizations'
  const moves =
    entity === 'contact'
      ? 'Deals, activities and next steps of the other contact move to the one you keep.'
      : 'Contacts, deals and subsidiaries of the other organization move to the one you keep.'
  return (
    <div className="flex max-w-3xl flex-col gap-4">
      <p className="text-sm text-slate-600">
        <Link to={`/duplicates?entity=${entity}`} className="hover:underline">
          Duplicates
        </Link>
      </p>
      <h1 className="text-2xl font-semibold tracking-tight break-words">Merge {noun}</h1>
      <p className="text-sm text-slate-700">
        For each field, choose the value to keep. {moves} The other one is deleted. You can undo the merge for
        30 days.
      </p>
      <Form method="post" className="flex flex-col gap-4">
        <IdempotencyKeyField />
        <input type="hidden" name="entity" value={entity} />
        <input type="hidden" name="a" value={a.id} />
        <input type="hidden" name="b" value={b.id} />
        <FormError message={result?.error} />
        <div className={`${cardClass} flex flex-col gap-2`}>
          <p className="break-words">
            You keep <strong>{a.title}</strong>; <strong>{b.title}</strong> is merged into it.
          </p>
          <p>
            <Link
              to={`?entity=${entity}&a=${b.id}&b=${a.id}`}
              className="inline-flex min-h-11 items-center font-medium break-words text-indigo-700 hover:underline"
            >
              Keep {b.title} instead
            </Link>
          </p>
        </div>
        <div className={`${cardClass} flex flex-col gap-4`}>
          {FIELDS[entity].map(([key, label]) => (
            <MergeField
              key={key}
              name={key}
              label={label}
              a={a.values[key] ?? null}
              b={b.values[key] ?? null}
              checked={a.values[key] || !b.values[key] ? 'a' : 'b'}
            />
          ))}
        </div>
        <div>
          <SubmitButton>Merge</SubmitButton>
        </div>
      </Form>
    </div>
  )
}
