import { existsSync } from 'node:fs'
import { expect, test, workspaceUrl } from './fixtures.ts'

// The demo tenant comes from db/seed/demo.ts; until that exists the demo workspace cannot render.
const DEMO_SEED_EXISTS = existsSync(new URL('../db/seed/demo.ts', import.meta.url))

test('the root domain shows the product page with sign-up and log-in links', async ({
  page,
  checkA11y,
  shot,
}) => {
  const res = await page.goto('/')
  expect(res?.status()).toBe(200)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('CRM')
  await expect(page.getByRole('link', { name: 'Start your workspace' })).toHaveAttribute('href', '/signup')
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Log in' })).toHaveAttribute(
    'href',
    '/login',
  )
  // Static pages ship no JavaScript.
  expect(await page.locator('script[src], script[type="module"]').count()).toBe(0)
  await shot('root')
  await checkA11y('root')
})

test('the root page fits a 320 px phone without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 })
  await page.goto('/')
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
})

test('the demo workspace home loads through the API', async ({ page, baseURL, checkA11y, shot }) => {
  test.skip(!DEMO_SEED_EXISTS, 'db/seed/demo.ts (seedDemo) does not exist yet')
  const res = await page.goto(workspaceUrl(baseURL, 'demo'))
  expect(res?.status()).toBe(200)
  await expect(page.getByTestId('workspace-slug')).toHaveText('demo')
  await expect(page.getByTestId('api-status')).toHaveText('Operational')
  await shot('demo-home')
  await checkA11y('demo-home')
})

test('an unknown workspace gets a friendly 404, not a stack trace', async ({
  page,
  baseURL,
  checkA11y,
  shot,
}) => {
  const res = await page.goto(workspaceUrl(baseURL, 'nosuch'))
  expect(res?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('No workspace at this address')
  await expect(page.getByRole('link', { name: 'Go to Aura' })).toHaveAttribute(
    'href',
    /^http:\/\/localhost:\d+\/?$/,
  )
  await expect(page.locator('body')).not.toContainText(/at .*\.(ts|js):\d+/)
  await shot('unknown-workspace')
  await checkA11y('unknown-workspace')
})

test('an unknown page gets the friendly 404', async ({ page, checkA11y }) => {
  const res = await page.goto('/no/such/page')
  expect(res?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
  await checkA11y('not-found')
})
