// Global search (issue 13): one box across contacts, organizations, deals and products, grouped, only what
// the caller may see; a plain GET form without JavaScript, Ctrl-K / "/" and arrow keys with it; at 320 px
// it lives in the menu and the page fits.
import { expect, test } from './fixtures.ts'
import { demo, logIn } from './sales-helpers.ts'

const group = (page: import('@playwright/test').Page, name: string) =>
  page.getByRole('region', { name, exact: true })

test.describe('JavaScript off', () => {
  test.use({ javaScriptEnabled: false })

  test('a rep searches from the bar and sees only what is theirs', async ({ page, baseURL }) => {
    await page.setViewportSize({ width: 1280, height: 800 })
    await logIn(page, baseURL, 'rep@demo.aura.test')
    await page.getByRole('searchbox', { name: 'Search everything' }).fill('globex')
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/\/search\?q=globex$/)
    await expect(group(page, 'Organizations').getByRole('link', { name: /Globex Logistics/ })).toBeVisible()
    // Globex onboarding is Sam's deal: Rita's search does not find it.
    await expect(group(page, 'Deals')).toHaveCount(0)
    await expect(page.getByText('Globex onboarding')).toHaveCount(0)
  })

  test('on a 320 px phone the search is in the menu and the results fit', async ({ page, baseURL }) => {
    await page.setViewportSize({ width: 320, height: 640 })
    await logIn(page, baseURL, 'manager@demo.aura.test')
    await page.locator('header details[data-phone-menu] summary').click()
    await page.getByRole('searchbox', { name: 'Search everything' }).fill('acme')
    await page.keyboard.press('Enter')
    for (const name of ['Contacts', 'Organizations', 'Deals']) await expect(group(page, name)).toBeVisible()
    await expect(group(page, 'Deals').getByRole('link', { name: /Acme kiosk roll-out/ })).toBeVisible()
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow).toBeLessThanOrEqual(0)
    await group(page, 'Organizations')
      .getByRole('link', { name: /Acme Retail Nord/ })
      .click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acme Retail Nord')
  })
})

test('with JavaScript, "/" and Ctrl-K open the search and the arrow keys walk the hits', async ({
  page,
  baseURL,
  checkA11y,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await logIn(page, baseURL, 'manager@demo.aura.test')
  const box = page.getByRole('searchbox', { name: 'Search everything' })
  await page.keyboard.press('/')
  await expect(box).toBeFocused()
  await page.keyboard.press('Escape')
  await page.locator('main').click()
  await page.keyboard.press('Control+k')
  await expect(box).toBeFocused()
  await box.fill('acme')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/search\?q=acme$/)
  await checkA11y('search-results') // axe runs in the page, so only where JavaScript is on
  await page.getByRole('searchbox', { name: /Contacts, organizations/ }).focus()
  await page.keyboard.press('ArrowDown')
  const first = page.locator('[data-search-hit]').first()
  await expect(first).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(page.locator('[data-search-hit]').nth(1)).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}$/)
})

test('the search page before a query asks for one', async ({ page, baseURL }) => {
  await logIn(page, baseURL, 'rep@demo.aura.test')
  await page.goto(demo(baseURL, '/search'))
  await expect(page.getByRole('searchbox', { name: /Contacts, organizations/ })).toBeFocused()
  await page.goto(demo(baseURL, '/search?q=zzqqxx'))
  await expect(page.getByText('Nothing matches “zzqqxx”')).toBeVisible()
})
