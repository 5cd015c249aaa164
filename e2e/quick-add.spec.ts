// Quick add (issue 13): a new deal, contact or activity from any page — the bar's "+ New" on a laptop, the
// Menu's "Quick add" on a phone, both plain links in <details>, so they work without JavaScript. An
// activity logged there lands on its contact's page, at the head of the timeline.
import { expect, test } from './fixtures.ts'
import { demo, logIn } from './sales-helpers.ts'

test.describe('320 px, JavaScript off', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } })

  test('log an activity from the menu, on any contact', async ({ page, baseURL, demoData }) => {
    await logIn(page, baseURL, 'rep@demo.aura.test')
    await page.goto(demo(baseURL, '/board'))
    await page.getByText('Menu').click()
    await page
      .getByRole('navigation', { name: 'Quick add' })
      .getByRole('link', { name: '+ Log activity' })
      .click()
    await expect(page).toHaveURL(/\/activities\/new$/)
    const subject = demoData.name('Quick call')
    await page.getByLabel('With contact').selectOption({ index: 1 })
    await page.getByLabel('Subject').fill(subject)
    await page.getByLabel('Description').fill('Left a voicemail.')
    await page.getByRole('button', { name: 'Log activity' }).click()
    await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}$/)
    await expect(page.getByTestId('flash')).toHaveText('Activity logged.')
    await expect(page.getByRole('region', { name: 'Timeline' })).toContainText(`Call: ${subject}`)
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow, 'no sideways scroll').toBeLessThanOrEqual(0)
  })

  test('without a contact the form says so and keeps what was typed', async ({ page, baseURL }) => {
    await logIn(page, baseURL, 'rep@demo.aura.test')
    await page.goto(demo(baseURL, '/activities/new'))
    await page.getByLabel('Description').fill('Who was this with?')
    await page.getByRole('button', { name: 'Log activity' }).click()
    await expect(page.getByText('Choose a contact').last()).toBeVisible()
    await expect(page.getByLabel('Description')).toHaveValue('Who was this with?')
  })
})

test.describe('1280 px, JavaScript on', () => {
  test.use({ viewport: { width: 1280, height: 800 } })

  test('"+ New" opens a new deal or contact from any page', async ({ page, baseURL, checkA11y }) => {
    await logIn(page, baseURL, 'manager@demo.aura.test')
    await page.getByText('+ New', { exact: true }).click()
    await checkA11y('quick-add-menu')
    await page.getByRole('link', { name: 'New deal' }).click()
    await expect(page).toHaveURL(/\/deals\/new$/)
    await page.getByText('+ New', { exact: true }).click()
    await page.getByRole('link', { name: 'New contact' }).click()
    await expect(page).toHaveURL(/\/contacts\/new$/)
  })
})
