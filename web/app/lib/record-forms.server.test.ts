// The product and activity forms (ADR 0150): what differs from the API body is written in the web, so it is
// proven here: optional pricing on "New product", the status switch, and "when" in the workspace's zone.

import { describe, expect, it } from 'vitest'
import { logActivityForm } from './activity-form.server.ts'
import { parseForm } from './forms.server.ts'
import { ZNewProductForm, ZProductStatusForm } from './product-form.server.ts'

const form = (entries: Record<string, string>) => {
  const f = new FormData()
  for (const [k, v] of Object.entries(entries)) f.append(k, v)
  return f
}
const blankPricing = {
  'pricing.defaultPrice': '',
  'pricing.cost': '',
  'pricing.maxDiscountPercent': '',
  'pricing.marginTargetPercent': '',
}

describe('New product', () => {
  it('sends no pricing when every pricing field is blank (no step-up asked)', () => {
    const s = parseForm(form({ name: 'Seat', sku: 'S-1', category: '', ...blankPricing }), ZNewProductForm)
    expect(s.status === 'success' && s.value).toEqual({ name: 'Seat', sku: 'S-1', category: null })
  })

  it('sends the typed decimals as strings, never through a float', () => {
    const s = parseForm(
      form({
        name: 'Seat',
        sku: 'S-1',
        ...blankPricing,
        'pricing.defaultPrice': '0.10',
        'pricing.cost': '0.07',
      }),
      ZNewProductForm,
    )
    expect(s.status === 'success' && s.value.pricing).toEqual({
      defaultPrice: '0.10',
      cost: '0.07',
      maxDiscountPercent: null,
      marginTargetPercent: null,
    })
  })

  it('asks for the default price when other pricing fields are typed, on that field', () => {
    const s = parseForm(
      form({ name: 'Seat', sku: 'S-1', ...blankPricing, 'pricing.cost': '5.00' }),
      ZNewProductForm,
    )
    expect(s.reply().error).toEqual({ 'pricing.defaultPrice': ['Enter a default price'] })
  })

  it('gives the API schema message for a bad percentage, on its nested field', () => {
    const s = parseForm(
      form({
        name: 'Seat',
        sku: 'S-1',
        ...blankPricing,
        'pricing.defaultPrice': '9',
        'pricing.maxDiscountPercent': '150',
      }),
      ZNewProductForm,
    )
    expect(Object.keys(s.reply().error ?? {})).toEqual(['pricing.maxDiscountPercent'])
  })

  it('switches a product on or off, and nothing else', () => {
    const on = parseForm(form({ intent: 'status', isActive: 'true' }), ZProductStatusForm)
    expect(on.status === 'success' && on.value).toEqual({ isActive: true })
    expect(parseForm(form({ isActive: 'yes' }), ZProductStatusForm).status).toBe('error')
  })
})

describe('Log activity', () => {
  const schema = logActivityForm('Europe/Paris')

  it('reads "when" as the workspace wall clock and sends the instant', () => {
    const s = parseForm(
      form({ type: 'call', description: 'Spoke', occurredAt: '2026-03-01T09:30', subject: '', dealId: '' }),
      schema,
    )
    expect(s.status === 'success' && s.value).toEqual({
      type: 'call',
      description: 'Spoke',
      subject: null,
      dealId: null,
      occurredAt: '2026-03-01T08:30:00.000Z',
    })
  })

  it('leaves a blank "when" out (the API takes now) and refuses what is not a date and time', () => {
    const now = parseForm(form({ type: 'note', description: 'x', occurredAt: '' }), schema)
    // What goes over the wire: JSON leaves an undefined field out.
    const sent = now.status === 'success' && JSON.parse(JSON.stringify(now.value))
    expect(sent).toEqual({ type: 'note', description: 'x' })
    const bad = parseForm(form({ type: 'note', description: 'x', occurredAt: 'tomorrow' }), schema)
    expect(bad.reply().error).toEqual({ occurredAt: ['Pick a date and time'] })
  })

  it('says what is missing with the API schema message', () => {
    const s = parseForm(form({ type: 'note', description: '  ' }), schema)
    expect(s.reply().error).toEqual({ description: ['Describe what happened'] })
  })
})
