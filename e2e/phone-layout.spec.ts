// Layout is behaviour (issue 13): on a 320 px phone no page may scroll sideways, every section must be
// reachable from the navigation, and the bar must say where you are; the same pages at 1280 px keep the
// full bar. Each persona walks the pages its role opens, with JavaScript on and off.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { demo, logIn } from './sales-helpers.ts'

const PHONE = { width: 320, height: 640 }
const LAPTOP = { width: 1280, height: 800 }

const SECTIONS = ['Dashboard', 'Deals', 'Board', 'Contacts', 'Organizations', 'Products']
const SETTINGS = ['workspace', 'users', 'processes', 'custom-fields', 'audit-log', 'export']

/** How far the page is wider than the window (0 or less: it fits). */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

/** The first record a list page links to (a deal, contact…), so its detail page is walked too. */
async function firstRecord(page: Page, list: string, pattern: RegExp): Promise<string | null> {
  await page.goto(list)
  const href = await page.locator('main a[href]').evaluateAll((as, source) => {
    const re = new RegExp(source)
    return (as as HTMLAnchorElement[]).map((a) => a.getAttribute('href') ?? '').find((h) => re.test(h))
  }, pattern.source)
  return href ?? null
}

async function pagesFor(page: Page, baseURL: string | undefined, role: 'rep' | 'manager' | 'admin') {
  const paths = ['/dashboard', '/deals', '/board', '/contacts', '/organizations', '/products', '/profile']
  paths.push('/deals/new', '/contacts/new', '/organizations/new')
  for (const [list, re] of [
    ['/deals', /^\/deals\/[0-9a-f-]{36}$/],
    ['/contacts', /^\/contacts\/[0-9a-f-]{36}$/],
    ['/organizations', /^\/organizations\/[0-9a-f-]{36}$/],
    ['/products', /^\/products\/[0-9a-f-]{36}$/],
  ] as const) {
    const found = await firstRecord(page, demo(baseURL, list), re)
    if (found) paths.push(found)
  }
  if (role === 'admin') paths.push(...SETTINGS.map((s) => `/settings/${s}`))
  return paths
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled, viewport: PHONE })

    for (const role of ['rep', 'manager', 'admin'] as const) {
      test(`${role}: no page scrolls sideways at 320 px`, async ({ page, baseURL }) => {
        test.setTimeout(90_000)
        await logIn(page, baseURL, `${role}@demo.aura.test`)
        const wide: string[] = []
        for (const path of await pagesFor(page, baseURL, role)) {
          await page.goto(demo(baseURL, path))
          const by = await overflow(page)
          if (by > 0) wide.push(`${path} (+${by} px)`)
        }
        expect(wide, 'pages wider than a 320 px phone').toEqual([])
      })
    }

    test('the phone menu opens every section and says where you are', async ({ page, baseURL }) => {
      await logIn(page, baseURL, 'admin@demo.aura.test')
      await page.goto(demo(baseURL, '/contacts'))
      const menu = page.locator('header details[data-phone-menu]')
      await expect(menu.locator('summary')).toContainText('Contacts')
      await expect(page.getByRole('link', { name: 'Organizations' })).toBeHidden()
      await menu.locator('summary').click()
      for (const label of [...SECTIONS, 'Settings']) {
        await expect(page.getByRole('link', { name: label, exact: true })).toBeVisible()
      }
      await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible()
      await page.getByRole('link', { name: 'Organizations', exact: true }).click()
      await expect(page).toHaveURL(/\/organizations$/)
      await expect(menu.locator('summary')).toContainText('Organizations')
      // A navigation closes the menu, with or without JavaScript.
      await expect(page.getByRole('link', { name: 'Products', exact: true })).toBeHidden()
      expect(await overflow(page)).toBeLessThanOrEqual(0)
    })
  })
}

test('at 1280 px every section is in the bar, the current one marked', async ({ page, baseURL }) => {
  await page.setViewportSize(LAPTOP)
  await logIn(page, baseURL, 'admin@demo.aura.test')
  await page.goto(demo(baseURL, '/deals'))
  const bar = page.getByRole('navigation', { name: 'Sections' })
  for (const label of [...SECTIONS, 'Settings']) {
    await expect(bar.getByRole('link', { name: label, exact: true })).toBeVisible()
  }
  await expect(bar.getByRole('link', { name: 'Deals', exact: true })).toHaveAttribute('aria-current', 'page')
  await expect(page.locator('header details[data-phone-menu]')).toBeHidden()
  expect(await overflow(page)).toBeLessThanOrEqual(0)
})

// Managers open settings for the Users page (ADR 0167); a rep is refused.
test('a rep opening settings gets the friendly 403 page, not raw JSON', async ({ page, baseURL }) => {
  await logIn(page, baseURL, 'rep@demo.aura.test')
  const res = await page.goto(demo(baseURL, '/settings'))
  expect(res?.status()).toBe(403)
  expect(res?.headers()['content-type']).toContain('text/html')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(page.locator('body')).not.toContainText('Unexpected Server Error')
})
