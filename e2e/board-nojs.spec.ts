// The sales screens with JavaScript off: the board's select + Move form, the required-field refusal,
// and adding a line item on the deal page are all plain HTML forms. (axe needs JavaScript to run, so the
// same pages are checked with it in journey-2-pipeline.spec.ts.)
import { expect, test } from './fixtures.ts'
import { card, column, createDeal, demo, logIn, unique } from './sales-helpers.ts'

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a rep moves a deal with the board form and adds a product on the deal page', async ({
    page,
    baseURL,
    shot,
  }) => {
    await logIn(page, baseURL, 'rep@demo.aura.test')
    const name = unique('NoJS deal')
    const dealId = await createDeal(page, baseURL, { name })

    await page.goto(demo(baseURL, '/board'))
    await page.getByLabel(`Stage for ${name}`).selectOption({ label: 'Negotiation' })
    await page.getByRole('button', { name: `Move ${name}` }).click()
    await expect(page).toHaveURL(/\/board\?process=/)
    await expect(column(page, 'Negotiation').locator(card(page, dealId))).toBeVisible()
    await shot('board-nojs')

    await page.goto(demo(baseURL, `/deals/${dealId}`))
    await expect(page.getByLabel('Assigned to')).toHaveCount(0) // reps never see reassignment
    await page
      .getByLabel('Product', { exact: true })
      .selectOption({ label: 'Barcode scanner (HW-SCAN) · list 189.90' })
    await page.getByLabel('Quantity', { exact: true }).fill('2')
    await page.getByRole('button', { name: 'Add product' }).click()
    await expect(page.getByRole('row', { name: /Barcode scanner/ })).toBeVisible()
    await expect(page.getByTestId('lines-total')).toHaveText(/379\.80/) // the API's total (currency: see create-deal)
    await shot('deal-nojs')
  })

  test('a stage that requires fields says which ones, with a link to the deal', async ({
    page,
    baseURL,
    shot,
  }) => {
    await logIn(page, baseURL, 'rep@demo.aura.test')
    const name = unique('NoJS renewal')
    const dealId = await createDeal(page, baseURL, { name, process: 'Renewals' })
    await page.goto(demo(baseURL, '/board'))
    await page
      .getByRole('navigation', { name: 'Sales processes' })
      .getByRole('link', { name: 'Renewals' })
      .click()
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
