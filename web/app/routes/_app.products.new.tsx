// New product (admins). With a price it also sets the pricing blueprint, which needs step-up: the page then
// shows the emailed-code step and creates the product once the code is verified.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Form, FormError, SubmitButton } from '~/components/form.tsx'
import { IdempotencyKeyField } from '~/components/idempotency-key.tsx'
import {
  hasPricing,
  PricingFields,
  ProductFields,
  pricingBody,
  productBody,
} from '~/components/products/product-fields.tsx'
import { isStepUp, StepUpForm, type StepUpResult } from '~/components/step-up.tsx'
import { apiClient } from '~/lib/api.server.ts'
import type { FormResult } from '~/lib/forms.server.ts'
import { formValues } from '~/lib/forms.server.ts'
import { workspaceLocale } from '~/lib/records.server.ts'
import { requireAdmin } from '~/lib/require-admin.server.ts'
import { withStepUp } from '~/lib/step-up.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }
export const meta: MetaFunction = () => [{ title: 'New product · Aura CRM' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdmin(request, context)
  return workspaceLocale(apiClient(request, context), request, context)
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAdmin(request, context)
  const values = await formValues(request)
  const api = apiClient(request, context, values)
  const json = { ...productBody(values), ...(hasPricing(values) ? { pricing: pricingBody(values) } : {}) }
  return withStepUp(
    request,
    context,
    values,
    async () => await api.products.$post({ json }),
    async (res) => redirect(`/products/${((await res.json()) as { id: string }).id}?saved=created`),
  )
}

export default function NewProduct() {
  const { currency } = useLoaderData<typeof loader>()
  const result = useActionData<FormResult | StepUpResult>()
  if (isStepUp(result)) {
    return (
      <div className="flex max-w-3xl flex-col gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">New product</h1>
        <StepUpForm {...result.stepUp} submitLabel="Verify and create product" />
      </div>
    )
  }
  return (
    <div className="flex max-w-3xl flex-col gap-4">
      <h1 className="text-2xl font-semibold tracking-tight">New product</h1>
      <Form
        method="post"
        noValidate
        className="flex flex-col gap-4 rounded-md border border-slate-200 bg-white p-4"
      >
        <FormError message={result?.formError} />
        <IdempotencyKeyField />
        <ProductFields values={result?.values ?? {}} errors={result?.fieldErrors} />
        <fieldset className="flex flex-col gap-3">
          <legend className="text-lg font-semibold">Pricing blueprint</legend>
          <p className="text-sm text-slate-700">
            Optional. Setting prices asks you to confirm with an emailed code.
          </p>
          <PricingFields
            values={result?.values ?? {}}
            errors={result?.fieldErrors}
            currency={currency}
            required={false}
          />
        </fieldset>
        <div>
          <SubmitButton>Create product</SubmitButton>
        </div>
      </Form>
    </div>
  )
}
