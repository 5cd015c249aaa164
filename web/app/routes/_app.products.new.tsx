// New product (admins). With a price it also sets the pricing blueprint, which needs step-up: the page then
// shows the emailed-code step and creates the product once the code is verified.
import { getFormProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import type { z } from 'zod'
import { Form, FormErrors, SubmitButton } from '~/components/form.tsx'
import { IdempotencyKeyField } from '~/components/idempotency-key.tsx'
import { PricingFields, ProductFields } from '~/components/products/product-fields.tsx'
import { isStepUp, StepUpForm, type StepUpResult } from '~/components/step-up.tsx'
import { apiClient } from '~/lib/api.server.ts'
import { redirectWithFlash } from '~/lib/flash.server.ts'
import { type FormReply, invalid, parseForm } from '~/lib/forms.server.ts'
import { ZNewProductForm } from '~/lib/product-form.server.ts'
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
  const form = await request.formData()
  const submission = parseForm(form, ZNewProductForm)
  if (submission.status !== 'success') return invalid(submission)
  const api = apiClient(request, context, form)
  return withStepUp(
    request,
    context,
    form,
    submission,
    async () => await api.products.$post({ json: submission.value }),
    async (res) => redirectWithFlash(request, `/products/${(await res.json()).id}`, 'product.created'),
  )
}

export default function NewProduct() {
  const { currency } = useLoaderData<typeof loader>()
  const result = useActionData<FormReply | StepUpResult>()
  const [form, fields] = useForm<z.input<typeof ZNewProductForm>>({
    id: 'new-product',
    lastResult: isStepUp(result) ? undefined : result,
  })
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
        {...getFormProps(form)}
        noValidate
        className="flex flex-col gap-4 rounded-md border border-slate-200 bg-white p-4"
      >
        <FormErrors errors={form.errors} />
        <IdempotencyKeyField />
        <ProductFields fields={fields} />
        <fieldset className="flex flex-col gap-3">
          <legend className="text-lg font-semibold">Pricing blueprint</legend>
          <p className="text-sm text-slate-700">
            Optional. Setting prices asks you to confirm with an emailed code.
          </p>
          <PricingFields fields={fields.pricing.getFieldset()} currency={currency} required={false} />
        </fieldset>
        <div>
          <SubmitButton>Create product</SubmitButton>
        </div>
      </Form>
    </div>
  )
}
