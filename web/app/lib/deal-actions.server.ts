// The deal page's form intents, each one API call; success redirects back (Post/Redirect/Get) and a
// refusal comes back as the form's field errors.
import { type AppLoadContext, redirect } from '@remix-run/node'
import { apiClient } from './api.server.ts'
import { formFailure } from './forms.server.ts'
import { nullable } from './sales.server.ts'

type Values = Record<string, string>

async function send(request: Request, context: AppLoadContext, id: string, v: Values) {
  const deal = apiClient(request, context, v).deals[':id']
  const param = { id }
  const line = { id, lineId: v.lineId ?? '' }
  switch (v.intent) {
    case 'move': {
      const [processId, stageId] = (v.stage ?? '').split('/')
      return deal.stage.$post({ param, json: { stageId: stageId ?? '', processId } })
    }
    case 'assign':
      return deal.$patch({ param, json: { assignedUserId: nullable(v.assignedUserId) } })
    case 'update':
      return deal.$patch({
        param,
        json: {
          name: v.name ?? '',
          // While line items exist the amount follows them (F13.10), so the locked field is not sent.
          ...(v.amountLocked === '1' ? {} : { amount: v.amount?.trim() || '0' }),
          closeDate: nullable(v.closeDate),
          ...(v.probability?.trim() ? { probability: Number(v.probability) } : {}),
          contactId: nullable(v.contactId),
          organizationId: nullable(v.organizationId),
          notes: nullable(v.notes),
        },
      })
    case 'add-line':
      return deal['line-items'].$post({
        param,
        json: {
          productId: v.productId ?? '',
          quantity: Number(v.quantity || Number.NaN),
          ...(v.unitPrice?.trim() ? { unitPrice: v.unitPrice.trim() } : {}),
        },
      })
    case 'update-line':
      return deal['line-items'][':lineId'].$patch({
        param: line,
        json: { quantity: Number(v.quantity || Number.NaN), unitPrice: v.unitPrice?.trim() ?? '' },
      })
    case 'remove-line':
      return deal['line-items'][':lineId'].$delete({ param: line })
    default:
      return null
  }
}

export async function dealAction(request: Request, context: AppLoadContext, id: string, values: Values) {
  const res = (await send(request, context, id, values)) as Response | null
  if (!res) return formFailure(new Response('{"title":"Unknown action"}', { status: 400 }), values)
  if (!res.ok) return formFailure(res, values)
  return redirect(`/deals/${id}`)
}
