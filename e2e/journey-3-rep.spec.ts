// Journey 3 (PRD, issue 5): a rep finds a contact by part of a phone number, opens a deal for it in the
// non-default "Renewals" process, adds two products (one with a price override inside the discount
// policy), logs a call, and moves the deal to the won stage; the deal's history and the contact's timeline
// show it all. Money is checked in integer cents against the API's totals, never in floats.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { demo, logIn, startIn } from './sales-helpers.ts'

/** "480.00" → 48000n; the test's arithmetic stays in BigInt cents. */
const cents = (text: string) => {
  const m = /^(\d+)\.(\d{2})$/.exec(text)
  if (!m) throw new Error(`not a money string: ${text}`)
  return BigInt(m[1] ?? '0') * 100n + BigInt(m[2] ?? '0')
}
const money = (c: bigint) => `${c / 100n}.${(c % 100n).toString().padStart(2, '0')}`
const digits = (n: number) =>
  Array.from({ length: n }, () => Math.floor(Math.random() * 10).toString()).join('')

/** The catalogue option for a SKU on the deal page, and its list price as the label states it. */
/**
 * "Add a product", then the form with a quantity and a price (the picker's one tap adds one at list price;
 * the form, with its select of every product, is rendered only when its link is followed).
 */
async function openFullProductForm(page: Page) {
  const full = page.getByText('With a quantity or a price')
  if (!(await full.isVisible())) await page.getByText('Add a product').click()
  if (!(await page.getByLabel('Product', { exact: true }).isVisible())) await full.click()
}

async function catalogueEntry(page: Page, sku: string) {
  const label = (await page.locator('option', { hasText: `(${sku})` }).textContent())?.trim() ?? ''
  const list = / · list (\d+\.\d{2})$/.exec(label)?.[1]
  if (!list) throw new Error(`no list price for ${sku} in "${label}"`)
  return { label, list: cents(list) }
}

/**
 * The API's answer as the signed-in browser gets it. Fetched from the page: Node cannot resolve
 * `demo.localhost`, Chromium maps every *.localhost to loopback.
 */
async function apiGet<T>(page: Page, path: string): Promise<T> {
  const { status, body } = await page.evaluate(async (p) => {
    const res = await fetch(p, { headers: { accept: 'application/json' } })
    return { status: res.status, body: await res.json() }
  }, path)
  expect(status, path).toBe(200)
  return body as T
}

/** One tap on the deal page's stage strip (its process's open stages), or "Won". */
async function moveTo(page: Page, stage: string) {
  await page.getByRole('button', { name: new RegExp(`^${stage}`) }).click()
}

test('a rep finds a contact by phone, sells a renewal with two products, logs a call and wins', async ({
  page,
  baseURL,
  checkA11y,
  shot,
  demoData,
}) => {
  test.setTimeout(120_000)
  const last = `Phoneson${demoData.stamp}`
  const fullName = `Pat ${last}`
  const [mid, tail] = [digits(2), digits(4)]
  const phone = `+1 (555) 0${mid}-${tail}`
  const partial = `${mid.slice(1)}-${tail}` // 5 digits as a rep would type them off a note
  const dealName = demoData.name('J3 renewal')
  const callSubject = demoData.name('Renewal call')

  await logIn(page, baseURL, 'rep@demo.aura.test')

  // 1. The rep's own contact, with a unique phone number.
  await page.goto(demo(baseURL, '/contacts/new'))
  await checkA11y('contact-new')
  await shot('contact-new')
  await page.getByLabel('First name').fill('Pat')
  await page.getByLabel('Last name').fill(last)
  await page.getByLabel('Phone').fill(phone)
  await expect(page.getByLabel('Owner')).toHaveCount(0) // reps never reassign
  await page.getByRole('button', { name: 'Create contact' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fullName)
  const contactUrl = page.url()

  // 2. Found again by a fragment of the phone number in the one search box.
  await page.goto(demo(baseURL, '/contacts'))
  await checkA11y('contacts')
  await page.getByLabel('Search contacts').fill(partial)
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page).toHaveURL(/[?&]q=/)
  const row = page.getByRole('row', { name: new RegExp(last) })
  await expect(row).toContainText(phone)
  await checkA11y('contacts-search')
  await shot('contacts-search')
  await row.getByRole('link', { name: fullName }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fullName)
  expect(page.url().split('?')[0]).toBe(contactUrl.split('?')[0])
  await checkA11y('contact')
  await shot('contact')

  // 3. A deal in the non-default process, started from the contact (which comes preselected).
  await page.getByRole('region', { name: 'Deals' }).getByRole('link', { name: 'New deal' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New deal')
  await expect(page.getByLabel('Contact').locator('option:checked')).toHaveText(fullName)
  await checkA11y('deal-new')
  await shot('deal-new')
  await page.getByLabel('Name').fill(dealName)
  await startIn(page, 'Renewals')
  await page.getByRole('button', { name: 'Create deal' }).click()
  await expect(page).toHaveURL(/\/deals\/[0-9a-f-]{36}$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(dealName)
  const dealId = new URL(page.url()).pathname.split('/').at(-1) ?? ''
  await expect(page.getByText(/· Renewals$/)).toBeVisible()
  await expect(page.getByText(/· Up for renewal · 30%/)).toBeVisible()
  await checkA11y('deal')
  await shot('deal')

  // 4. Two products. The seat licence's list price is read off the page; 10 % off stays inside the
  // provisioned catalogue's 20 % policy (db/seed/provision.ts), so a rep may set it. The scanner
  // (demo catalogue, no policy) goes at list price.
  await openFullProductForm(page)
  const seat = await catalogueEntry(page, 'LIC-SEAT')
  const seatPrice = seat.list - seat.list / 10n
  const seatQty = 3n
  await page.getByLabel('Product', { exact: true }).selectOption({ label: seat.label })
  await page.getByLabel('Quantity', { exact: true }).fill(String(seatQty))
  await page.getByLabel('Unit price (optional)').fill(money(seatPrice))
  await page.getByRole('button', { name: 'Add product' }).click()
  const lines = page.getByRole('table', { name: 'Line items' })
  await expect(lines.getByRole('row', { name: /Annual seat licence/ })).toBeVisible()
  // A rep is shown no margin: it would give the product's cost away (ADR 0140).
  await expect(lines.getByRole('columnheader', { name: 'Margin' })).toHaveCount(0)

  await openFullProductForm(page)
  const scanner = await catalogueEntry(page, 'HW-SCAN')
  const scannerQty = 2n
  await page.getByLabel('Product', { exact: true }).selectOption({ label: scanner.label })
  await page.getByLabel('Quantity', { exact: true }).fill(String(scannerQty))
  await page.getByRole('button', { name: 'Add product' }).click()
  await expect(lines.getByRole('row', { name: /Barcode scanner/ })).toBeVisible()

  // The total is the API's, and equals the sum of quantity × unit price in cents.
  const expected = money(seatQty * seatPrice + scannerQty * scanner.list)
  const body = await apiGet<{
    data: { sku: string; quantity: number; listPrice: string; unitPrice: string; extendedPrice: string }[]
    deal: { lineItemsTotal: string }
  }>(page, `/api/v1/deals/${dealId}/line-items?limit=100`)
  expect(body.deal.lineItemsTotal).toBe(expected)
  expect(body.data.map((l) => [l.sku, l.quantity, l.listPrice, l.unitPrice, l.extendedPrice])).toEqual([
    ['LIC-SEAT', 3, money(seat.list), money(seatPrice), money(seatQty * seatPrice)],
    ['HW-SCAN', 2, money(scanner.list), money(scanner.list), money(scannerQty * scanner.list)],
  ])
  const deal = await apiGet<{ amount: string; currency: string }>(page, `/api/v1/deals/${dealId}`)
  expect(deal.amount).toBe(expected) // the amount follows the line items
  const shown = new Intl.NumberFormat('en', { style: 'currency', currency: deal.currency }).format(
    expected as Intl.StringNumericLiteral,
  )
  await expect(page.getByTestId('lines-total')).toHaveText(shown)
  await checkA11y('deal-lines')
  await shot('deal-lines')

  // 5. A call logged on the contact, about this deal.
  await page.goto(contactUrl.split('?')[0] ?? contactUrl)
  await page.getByRole('form', { name: 'Log activity' }).getByLabel('Type').selectOption('call')
  await page.getByLabel('Subject').fill(callSubject)
  await page.getByLabel('Description').fill('Confirmed three seats and two scanners for the renewal.')
  await page.getByLabel('About deal').selectOption({ label: dealName })
  await page.getByRole('button', { name: 'Log activity' }).click()
  await expect(page.getByRole('status')).toHaveText('Activity logged.')
  const timeline = page.getByRole('region', { name: 'Timeline' })
  const call = timeline.getByRole('listitem').filter({ hasText: `Call: ${callSubject}` })
  await expect(call).toContainText('Confirmed three seats')
  await expect(call.getByRole('link')).toHaveAttribute('href', `/deals/${dealId}`) // about the deal
  await checkA11y('contact-call')
  await shot('contact-call')

  // 6. To the won stage. "Quote sent" requires a close date: the refusal names it; fill it and go on.
  await page.goto(demo(baseURL, `/deals/${dealId}`))
  await moveTo(page, 'Quote sent')
  await expect(page.getByRole('alert')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Close date' })).toBeVisible()
  await checkA11y('deal-refused')
  await shot('deal-refused')
  await page.getByRole('link', { name: 'Close date' }).click() // opens the details at that field
  await page.getByLabel('Close date').fill('2026-06-30')
  await page.getByRole('button', { name: 'Save details' }).click()
  await expect(page.getByRole('region', { name: 'Key facts' })).toContainText('Jun 30, 2026')
  await moveTo(page, 'Quote sent')
  await expect(page.getByText(/· Quote sent · 60%/)).toBeVisible()
  await moveTo(page, 'Won')
  await expect(page.getByText(/· Renewed · 100% · won/)).toBeVisible()

  // 7. The deal's history: every stage change up to Won, both products and the price override.
  const stages = page.getByRole('region', { name: 'Timeline' })
  await expect(stages).toContainText('Created in Up for renewal')
  await expect(stages).toContainText('Moved from Up for renewal to Quote sent')
  await expect(stages).toContainText('Moved from Quote sent to Renewed')
  const audit = page.getByRole('region', { name: 'Changes' })
  await expect(audit.getByRole('listitem').filter({ hasText: /added .*LIC-SEAT/ })).toContainText(
    money(seatPrice),
  )
  await expect(audit.getByRole('listitem').filter({ hasText: /added .*HW-SCAN/ })).toHaveCount(1)
  const override = audit.getByRole('listitem').filter({ hasText: 'changed the price' })
  await expect(override).toContainText(money(seat.list))
  await expect(override).toContainText(money(seatPrice))
  await expect(page.getByTestId('lines-total')).toHaveText(shown)
  await checkA11y('deal-won')
  await shot('deal-won')

  // 8. The contact's timeline: the call and the deal's way to Won.
  await page.goto(contactUrl.split('?')[0] ?? contactUrl)
  await expect(timeline).toContainText(`Call: ${callSubject}`)
  await expect(timeline).toContainText(`${dealName} moved from Quote sent to Renewed`)
  await expect(
    page.getByRole('region', { name: 'Deals' }).getByRole('listitem').filter({ hasText: dealName }),
  ).toContainText('Renewed')
  await checkA11y('contact-timeline')
  await shot('contact-timeline')
})
