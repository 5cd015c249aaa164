// The catalogue (F12): everyone reads it (reps see active products only, the API decides); admins add
// products and activate or deactivate them here. Zero JS: filters are a GET form, toggles small POSTs.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Pager } from '~/components/records/pager.tsx'
import { SelectField } from '~/components/sales/select-field.tsx'
import { Alert } from '~/components/ui/alert.tsx'
import { buttonClass } from '~/components/ui/button.tsx'
import { SearchForm } from '~/components/ui/search-form.tsx'
import { apiClient, readProblem } from '~/lib/api.server.ts'
import { requireUser } from '~/lib/auth.server.ts'
import { errorPage } from '~/lib/errors.server.ts'
import { redirectWithFlash } from '~/lib/flash.server.ts'
import { formatMoney } from '~/lib/money.ts'
import { workspaceLocale } from '~/lib/records.server.ts'
import { safeRedirectPath } from '~/lib/safe-redirect.ts'
import { present } from '~/lib/sales.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }
export const meta: MetaFunction = () => [{ title: 'Products · Aura CRM' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = apiClient(request, context)
  const params = new URL(request.url).searchParams
  const me = await requireUser(request, context)
  const isAdmin = me.role === 'admin'
  const filters = present(params, isAdmin ? ['q', 'active'] : ['q'])
  const cursor = params.get('cursor') ?? undefined
  const [res, locale] = await Promise.all([
    api.products.$get({ query: { ...filters, limit: '25', ...(cursor ? { cursor } : {}) } }),
    workspaceLocale(api, request, context),
  ])
  let problem: string | null = null
  let page: Extract<Awaited<ReturnType<typeof res.json>>, { nextCursor: unknown }> = {
    data: [],
    nextCursor: null,
  }
  if (res.status === 200) page = await res.json()
  else problem = (await readProblem(res)).title
  return { isAdmin, filters, onFirstPage: !cursor, page, problem, currency: locale.currency }
}

/** Activate or deactivate (admins); back to the same list with a notice. */
export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context)
  const form = await request.formData()
  const id = String(form.get('productId') ?? '')
  const isActive = form.get('intent') === 'activate'
  const res = await apiClient(request, context).products[':id'].$patch({ param: { id }, json: { isActive } })
  if (res.status !== 200) throw errorPage((await readProblem(res)).status === 403 ? 403 : 404)
  const back = new URL(request.url)
  const { name } = await res.json()
  const to = safeRedirectPath(`${back.pathname}${back.search}`, '/products')
  return redirectWithFlash(request, to, isActive ? 'product.activated' : 'product.deactivated', name)
}

export default function Products() {
  const { isAdmin, filters, onFirstPage, page, problem, currency } = useLoaderData<typeof loader>()
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Products</h1>
        {isAdmin && (
          <Link to="/products/new" className={buttonClass.primary}>
            New product
          </Link>
        )}
      </div>
      <SearchForm id="products-q" label="Search products" defaultValue={filters.q} placeholder="Name or SKU">
        {isAdmin && (
          <SelectField label="Status" name="active" defaultValue={filters.active ?? ''}>
            <option value="">All</option>
            <option value="true">Active</option>
            <option value="false">Inactive</option>
          </SelectField>
        )}
      </SearchForm>
      {problem && <Alert tone="error">{problem}</Alert>}
      {page.data.length === 0 ? (
        <p className="text-slate-700">No products found.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
          {page.data.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-3 py-1 text-sm">
              <Link
                to={`/products/${p.id}`}
                className="inline-flex min-h-11 min-w-0 flex-1 basis-48 items-center font-medium text-indigo-700 hover:underline"
              >
                {p.name}
              </Link>
              <span className="text-slate-600">{p.sku}</span>
              <span className="text-slate-800">{formatMoney(p.pricing?.defaultPrice, currency)}</span>
              {isAdmin && (
                <>
                  <span className={p.isActive ? 'text-emerald-800' : 'text-slate-600'}>
                    {p.isActive ? 'Active' : 'Inactive'}
                  </span>
                  <Form method="post">
                    <input type="hidden" name="productId" value={p.id} />
                    <button
                      type="submit"
                      name="intent"
                      value={p.isActive ? 'deactivate' : 'activate'}
                      aria-label={`${p.isActive ? 'Deactivate' : 'Activate'} ${p.name}`}
                      className={buttonClass.secondary}
                    >
                      {p.isActive ? 'Deactivate' : 'Activate'}
                    </button>
                  </Form>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <Pager params={filters} nextCursor={page.nextCursor} onFirstPage={onFirstPage} />
    </div>
  )
}
