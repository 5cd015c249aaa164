import { expect, test, workspaceUrl } from './fixtures.ts'

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

test('a demo rep logs in on the workspace and lands on the dashboard', async ({
  page,
  baseURL,
  checkA11y,
  shot,
}) => {
  await page.goto(workspaceUrl(baseURL, 'demo'))
  await expect(page).toHaveURL(/\/login$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log in to demo')
  await checkA11y('demo-login')
  await page.getByLabel('Email').fill('rep@demo.aura.test')
  await page.getByLabel('Password').fill('wrong password')
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page.getByRole('alert')).toHaveText('Invalid email or password')
  await page.getByLabel('Password').fill('demo-password-123')
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page).toHaveURL(/\/dashboard$/)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Rita Rep')
  await expect(page.getByRole('link', { name: 'Settings' })).toHaveCount(0)
  await shot('demo-dashboard')
  await checkA11y('demo-dashboard')
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
