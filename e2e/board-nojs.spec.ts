// The sales screens with JavaScript off: the board's Move… link (the board again, that card's select +
// Move form open), the required-field refusal, "Show more" at a column's cursor, and adding a line item
// on the deal page are all plain links and HTML forms. (axe needs JavaScript to run, so the
// same pages are checked with it in journey-2-pipeline.spec.ts.)
import { expect, test } from './fixtures.ts'
import { card, column, createDeal, demo, logIn, openBoardOf } from './sales-helpers.ts'

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a rep moves a deal with the board form and adds a product on the deal page', async ({
    page,
    baseURL,
    shot,
    demoData,
  }) => {
    await logIn(page, baseURL, 'rep@demo.aura.test')
    const name = demoData.name('NoJS deal')
    const dealId = await createDeal(page, baseURL, { name })

    await page.goto(demo(baseURL, '/board'))
    await expect(page.getByLabel(`Stage for ${name}`)).toHaveCount(0) // only an opened card has the form
    await page.getByRole('link', { name: `Move ${name}…` }).click()
    await expect(page).toHaveURL(/[?&]move=/)
    await page.getByLabel(`Stage for ${name}`).selectOption({ label: 'Negotiation' })
    await page.getByRole('button', { name: `Move ${name}` }).click()
    await expect(page).toHaveURL(/\/board\?process=/)
    await expect(column(page, 'Negotiation').locator(card(page, dealId))).toBeVisible()
    await shot('board-nojs')

    await page.goto(demo(baseURL, `/deals/${dealId}`))
    await expect(page.getByText('Change owner')).toHaveCount(0) // reps never see reassignment
    // Two taps: open the catalogue, tap the product (one, at list price).
    await page.getByText('Add a product').click()
    await page.getByRole('button', { name: /Barcode scanner/ }).click()
    await expect(page.getByRole('row', { name: /Barcode scanner/ })).toBeVisible()
    await expect(page.getByTestId('lines-total')).toHaveText(/189\.90/) // the API's total (currency: see create-deal)
    await shot('deal-nojs')
  })

  test('"Show more" shows a column from its cursor, and the first deals again on the way back', async ({
    page,
    baseURL,
    demoData,
  }) => {
    test.slow() // nine deals through the form first
    await logIn(page, baseURL, 'rep@demo.aura.test')
    const prefix = demoData.name('NoJS page')
    const ids: string[] = []
    // One more than a column's first page (8), newest last: the oldest of them starts the next page.
    for (let i = 0; i < 9; i++) ids.push(await createDeal(page, baseURL, { name: `${prefix} ${i}` }))
    const [oldest, newest] = [ids[0] ?? '', ids[8] ?? '']
    await page.goto(demo(baseURL, '/board'))
    await expect(column(page, 'Prospect').locator('li[data-deal-id]')).toHaveCount(8)
    await expect(column(page, 'Prospect').locator(card(page, newest))).toBeVisible()
    await expect(card(page, oldest)).toHaveCount(0)
    await column(page, 'Prospect').getByRole('link', { name: 'Show more in Prospect' }).click()
    await expect(page).toHaveURL(/[?&]stage=.*[?&]cursor=/)
    await expect(column(page, 'Prospect').locator(card(page, oldest))).toBeVisible()
    await expect(card(page, newest)).toHaveCount(0)
    await column(page, 'Prospect').getByRole('link', { name: 'Back to the first deals' }).click()
    await expect(column(page, 'Prospect').locator(card(page, newest))).toBeVisible()
  })

  test('a stage that requires fields says which ones, with a link to the deal', async ({
    page,
    baseURL,
    shot,
    demoData,
  }) => {
    await logIn(page, baseURL, 'rep@demo.aura.test')
    const name = demoData.name('NoJS renewal')
    const dealId = await createDeal(page, baseURL, { name, process: 'Renewals' })
    await openBoardOf(page, baseURL, 'Renewals')
    await page.getByRole('link', { name: `Move ${name}…` }).click()
    await page.getByLabel(`Stage for ${name}`).selectOption({ label: 'Quote sent' })
    await page.getByRole('button', { name: `Move ${name}` }).click()
    const alert = page.getByRole('alert')
    await expect(alert).toContainText('Close date')
    await expect(alert.getByRole('link', { name: 'on the deal page' })).toHaveAttribute(
      'href',
      `/deals/${dealId}`,
    )
    await shot('required-fields-nojs')
  })
})
