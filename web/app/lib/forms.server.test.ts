// Forms on Conform (ADR 0150): a form parsed with the API's own schema, and an API refusal mapped back onto
// the form's fields by full path.

import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ZDealDetailsForm, ZDealFields, ZMoveDealForm, ZNewDealForm } from './deal-form.server.ts'
import { fieldPath, parseForm, refusal } from './forms.server.ts'
import { ZContactInput } from './inputs.server.ts'

const form = (entries: Record<string, string>) => {
  const f = new FormData()
  for (const [k, v] of Object.entries(entries)) f.append(k, v)
  return f
}
const UUID = '0b9a6a4e-7f3c-4c6e-9d5a-2f1e8b7c6d5e'

describe('parsing a form with the API schema', () => {
  it('keeps a blank required field blank, so the API schema says what is missing', () => {
    const s = parseForm(form({ name: '  ', amount: '' }), ZNewDealForm)
    expect(s.status).toBe('error')
    expect(s.reply().error).toMatchObject({ name: ['Enter a name'] })
  })

  it('sends a blank nullable field as null (clears it) and leaves a blank optional field out', () => {
    const s = parseForm(
      form({ name: 'Big deal', amount: '', closeDate: '', contactId: '', startsIn: `${UUID}/`, notes: '' }),
      ZNewDealForm,
    )
    expect(s.status).toBe('success')
    if (s.status !== 'success') return
    expect(s.value).toEqual({
      name: 'Big deal',
      closeDate: null,
      contactId: null,
      notes: null,
      processId: UUID,
    })
  })

  it('New deal: the stage comes with its process, and only chosen product rows are sent', () => {
    const s = parseForm(
      form({
        name: 'D',
        startsIn: `${UUID}/${UUID}`,
        'lineItems[0].productId': UUID,
        'lineItems[0].quantity': '',
        'lineItems[1].productId': '',
        'lineItems[1].quantity': '4',
        'lineItems[2].productId': UUID,
        'lineItems[2].quantity': '2',
        'lineItems[2].unitPrice': '9.99',
      }),
      ZNewDealForm,
    )
    expect(s.status === 'success' && s.value).toEqual({
      name: 'D',
      processId: UUID,
      stageId: UUID,
      lineItems: [
        { productId: UUID, quantity: 1 },
        { productId: UUID, quantity: 2, unitPrice: '9.99' },
      ],
    })
    const bad = parseForm(
      form({ name: 'D', startsIn: `${UUID}/`, 'lineItems[0].quantity': 'two' }),
      ZNewDealForm,
    )
    expect(bad.reply().error).toMatchObject({ 'lineItems[0].quantity': ['Use a whole number of at least 1'] })
  })

  it('turns typed numbers into numbers and names a word where a number goes', () => {
    const ok = parseForm(form({ name: 'D', probability: '40', amount: '12.50' }), ZDealDetailsForm)
    expect(ok.status === 'success' && ok.value).toMatchObject({ probability: 40, amount: '12.50' })
    const bad = parseForm(form({ name: 'D', probability: 'forty' }), ZDealDetailsForm)
    expect(bad.reply().error).toMatchObject({ probability: ['Enter a number'] })
  })

  it('does not send a locked amount', () => {
    const s = parseForm(form({ name: 'D', amount: '5', amountLocked: '1' }), ZDealDetailsForm)
    expect(s.status === 'success' && s.value).not.toHaveProperty('amount')
  })

  it('splits the stage select into process and stage', () => {
    const s = parseForm(form({ stage: `${UUID}/${UUID}` }), ZMoveDealForm)
    expect(s.status === 'success' && s.value).toEqual({ processId: UUID, stageId: UUID })
  })

  it('gives the API schema messages for a contact', () => {
    const s = parseForm(form({ firstName: 'Ada', email: 'not-mail', phone: '' }), ZContactInput)
    expect(s.reply().error).toEqual({ email: ['Enter a valid email address'] })
  })
})

describe('an API refusal on the form', () => {
  const problem = (errors: { field: string; message: string }[], status = 422) =>
    new Response(JSON.stringify({ title: 'Check the fields', status, code: 'unprocessable', errors }), {
      status,
      headers: { 'content-type': 'application/problem+json' },
    })

  it('lands a nested field error on its full path (customFields.amount is not amount)', async () => {
    const submission = parseForm(
      form({ name: 'D', amount: '10', 'customFields.amount': 'lots' }),
      ZDealFields.extend({ customFields: z.object({ amount: z.string() }) }),
    )
    const answer = await refusal(
      submission,
      problem([{ field: 'customFields.amount', message: 'Use a number' }]),
    )
    expect(answer.init?.status).toBe(422)
    expect(answer.data.error).toEqual({ '': ['Check the fields'], 'customFields.amount': ['Use a number'] })
    expect(answer.data.error).not.toHaveProperty('amount')
  })

  it('keeps an error about a field the form did not send as a form message too', async () => {
    const submission = parseForm(form({ name: 'D' }), ZNewDealForm)
    const answer = await refusal(submission, problem([{ field: 'stages.0.name', message: 'Enter a name' }]))
    expect(answer.data.error?.['stages[0].name']).toEqual(['Enter a name'])
    expect(answer.data.error?.['']).toEqual(['Check the fields', 'Enter a name (stages.0.name)'])
  })

  it('sends no password back with the typed values', async () => {
    const f = form({ email: 'a@b.test', password: 'hunter22' })
    const submission = parseForm(f, ZContactInput)
    const answer = await refusal(submission, problem([], 401))
    expect(answer.data.initialValue).toEqual({ email: 'a@b.test' })
  })

  it('writes array indexes the way the form names them', () => {
    expect(fieldPath('stages.0.requiredFields.1')).toBe('stages[0].requiredFields[1]')
    expect(fieldPath('customFields.amount')).toBe('customFields.amount')
  })
})

describe('the custom field form', async () => {
  const { ZCustomFieldForm } = await import('./custom-field-form.server.ts')
  it('sends choices one per line for a choice list only, a trimmed key and the checkbox as a boolean', () => {
    const base = { entity: 'contact', label: 'Tier', key: ' tier ' }
    const select = parseForm(
      form({ ...base, type: 'select', options: 'Gold\n\n Silver \n', required: 'on' }),
      ZCustomFieldForm,
    )
    expect(select.status === 'success' && select.value).toEqual({
      entity: 'contact',
      label: 'Tier',
      key: 'tier',
      type: 'select',
      required: true,
      options: ['Gold', 'Silver'],
    })
    const text = parseForm(form({ ...base, type: 'text', options: 'ignored' }), ZCustomFieldForm)
    expect(text.status === 'success' && text.value).toEqual({
      entity: 'contact',
      label: 'Tier',
      key: 'tier',
      type: 'text',
    })
  })
})
