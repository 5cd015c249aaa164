// One product. Everyone sees it and its price; admins edit it, switch it on or off, and set the pricing
// blueprint (step-up: the emailed-code step appears in place of the form); managers and admins see the
// price history.
import { getFormProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import type { z } from 'zod'
import { Form, FormErrors, SubmitButton } from '~/components/form.tsx'
import { PriceHistory } from '~/components/products/price-history.tsx'
import { PricingSummary } from '~/components/products/pricing-summary.tsx'
import { PricingFields, ProductFields } from '~/components/products/product-fields.tsx'
import { isStepUp, StepUpForm, type StepUpResult } from '~/components/step-up.tsx'
import { cardClass } from '~/components/ui/card.ts'
import { apiClient } from '~/lib/api.server.ts'
import { requireUser } from '~/lib/auth.server.ts'
import { type FlashKey, redirectWithFlash } from '~/lib/flash.server.ts'
import { replyFor } from '~/lib/form-reply.ts'
import { type FormReply, invalid, parseForm, refusal } from '~/lib/forms.server.ts'
import { ZPricingForm, ZProductForm, ZProductStatusForm } from '~/lib/product-form.server.ts'
import { workspaceLocale } from '~/lib/records.server.ts'
import { requireAdmin } from '~/lib/require-admin.server.ts'
import { listMembers, must } from '~/lib/sales.server.ts'
import { withStepUp } from '~/lib/step-up.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.product.name ?? 'Product'} · Aura CRM` },
]

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const id = params.id ?? ''
  const api = apiClient(request, context)
  const me = await requireUser(request, context)
  const product = await must(await api.products[':id'].$get({ param: { id } }), request, context)
  const seesHistory = me.role === 'admin' || me.role === 'manager'
  const [locale, history, members] = await Promise.all([
    workspaceLocale(api, request, context),
    seesHistory ? api.products[':id']['price-history'].$get({ param: { id }, query: { limit: '50' } }) : null,
    seesHistory ? listMembers(api, request, context) : [],
  ])
  return {
    isAdmin: me.role === 'admin',
    product,
    locale,
    history: history ? (await must(history, request, context)).data : null,
    names: Object.fromEntries(members.map((m) => [m.id, m.name ?? m.email])),
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const id = params.id ?? ''
  await requireAdmin(request, context)
  const api = apiClient(request, context)
  const form = await request.formData()
  const done = (what: FlashKey) => redirectWithFlash(request, `/products/${id}`, what)
  const intent = form.get('intent')
  if (intent === 'pricing') {
    const submission = parseForm(form, ZPricingForm)
    if (submission.status !== 'success') return invalid(submission)
    return withStepUp(
      request,
      context,
      form,
      submission,
      async () => await api.products[':id'].pricing.$put({ param: { id }, json: submission.value }),
      () => done('product.priced'),
    )
  }
  const submission = parseForm(form, intent === 'status' ? ZProductStatusForm : ZProductForm)
  if (submission.status !== 'success') return invalid(submission)
  const res = await api.products[':id'].$patch({ param: { id }, json: submission.value })
  return res.status === 200
    ? done(intent === 'status' ? 'product.status' : 'product.saved')
    : refusal(submission, res)
}

export default function ProductPage() {
  const { isAdmin, product, locale, history, names } = useLoaderData<typeof loader>()
  const result = useActionData<FormReply | StepUpResult>()
  const stepUp = isStepUp(result) ? result.stepUp : null
  const reply = isStepUp(result) ? undefined : result
  const [pricingForm, pricingFields] = useForm<z.input<typeof ZPricingForm>>({
    id: 'pricing-form',
    lastResult: replyFor(reply, 'pricing'),
    defaultValue: product.pricing ?? {},
  })
  const [detailsForm, detailsFields] = useForm<z.input<typeof ZProductForm>>({
    id: 'product-details-form',
    lastResult: replyFor(reply, 'save'),
    defaultValue: product,
  })
  const statusErrors = replyFor(reply, 'status')?.error?.['']
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <p className="text-sm text-slate-600">
          <Link to="/products" className="hover:underline">
            Products
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight break-words">{product.name}</h1>
        <p className="text-sm text-slate-700">
          {[product.sku, product.category, product.isActive ? 'Active' : 'Inactive']
            .filter(Boolean)
            .join(' · ')}
        </p>
        {product.description && <p className="text-sm text-slate-800">{product.description}</p>}
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="pricing" className={cardClass}>
          <h2 id="pricing" className="text-lg font-semibold">
            Pricing blueprint
          </h2>
          {!isAdmin && <PricingSummary pricing={product.pricing} currency={locale.currency} />}
          {isAdmin && stepUp && (
            <div className="mt-3">
              <StepUpForm {...stepUp} submitLabel="Verify and save pricing" />
            </div>
          )}
          {isAdmin && !stepUp && (
            <Form
              method="post"
              {...getFormProps(pricingForm)}
              noValidate
              className="mt-3 flex flex-col gap-4"
            >
              <input type="hidden" name="intent" value="pricing" />
              <FormErrors errors={pricingForm.errors} />
              <PricingFields fields={pricingFields} currency={locale.currency} />
              <p className="text-sm text-slate-700">
                Saving prices asks you to confirm with an emailed code.
              </p>
              <div>
                <SubmitButton>Save pricing</SubmitButton>
              </div>
            </Form>
          )}
        </section>
        {isAdmin && (
          <section aria-labelledby="product-details" className={cardClass}>
            <h2 id="product-details" className="text-lg font-semibold">
              Details
            </h2>
            <Form
              method="post"
              {...getFormProps(detailsForm)}
              noValidate
              className="mt-3 flex flex-col gap-4"
            >
              <input type="hidden" name="intent" value="save" />
              <FormErrors errors={[...(detailsForm.errors ?? []), ...(statusErrors ?? [])]} />
              <ProductFields fields={detailsFields} />
              <div>
                <SubmitButton>Save product</SubmitButton>
              </div>
            </Form>
            <Form method="post" className="mt-4 border-t border-slate-100 pt-4">
              <input type="hidden" name="intent" value="status" />
              <input type="hidden" name="isActive" value={product.isActive ? 'false' : 'true'} />
              <p className="mb-2 text-sm text-slate-700">
                {product.isActive
                  ? 'Active: reps can find it and add it to deals.'
                  : 'Inactive: hidden from reps and new deals.'}
              </p>
              <SubmitButton>{product.isActive ? 'Deactivate product' : 'Activate product'}</SubmitButton>
            </Form>
          </section>
        )}
        {history && (
          <section aria-labelledby="history" className={`${cardClass} lg:col-span-2`}>
            <h2 id="history" className="text-lg font-semibold">
              Price history
            </h2>
            <PriceHistory
              changes={history}
              names={names}
              currency={locale.currency}
              timezone={locale.timezone}
            />
          </section>
        )}
      </div>
    </div>
  )
}
