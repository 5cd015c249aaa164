// The account pieces around journey 1: password reset from the outbox, the root-domain account page for
// a member, the platform console's guard and phone layout, API tokens on the profile, and the key forms
// (signup, login, the console's lifecycle) with JavaScript disabled.
import { expect, test, workspaceUrl } from './fixtures.ts'

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

async function logIn(page: import('@playwright/test').Page, email: string, password = 'demo-password-123') {
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Log in' }).click()
}

test('a new account resets its password from the outbox link and lands on its status page', async ({
  page,
  checkA11y,
  shot,
}) => {
  const email = `reset-${unique()}@example.com`
  await page.goto('/signup')
  await page.getByLabel('Your name').fill('Rosa Reset')
  await page.getByLabel('Work email').fill(email)
  await page.getByLabel('Password').fill('first passphrase 1')
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your inbox')

  await page.goto('/login')
  await page.getByRole('link', { name: 'Forgot your password?' }).click()
  await checkA11y('forgot-password')
  await page.getByLabel('Email').fill(email)
  await page.getByRole('button', { name: 'Email me a reset link' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your inbox')
  await page.goto('/outbox')
  await page
    .getByRole('article')
    .filter({ hasText: email })
    .filter({ hasText: 'Reset your' })
    .first()
    .getByRole('link')
    .click()
  await expect(page).toHaveURL(/\/reset-password\?token=/)
  const resetUrl = page.url()
  await checkA11y('reset-password')
  await page.getByLabel('New password').fill('second passphrase 2')
  await page.getByRole('button', { name: 'Set password and log in' }).click()
  await expect(page).toHaveURL(/\/account$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Waiting for activation')
  await expect(page.getByText('Contract signed: not yet')).toBeAttached()
  await shot('account-waiting')
  await checkA11y('account-waiting')

  // The link worked once.
  await page.goto(resetUrl)
  await page.getByLabel('New password').fill('third passphrase 3')
  await page.getByRole('button', { name: 'Set password and log in' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This reset link does not work')
  await checkA11y('reset-invalid')
})

test('a workspace member on the root domain is sent to their workspace and kept out of the console', async ({
  page,
  checkA11y,
}) => {
  await page.goto('/login')
  await logIn(page, 'admin@demo.aura.test')
  await expect(page).toHaveURL(/\/account$/)
  await expect(page.getByRole('link', { name: /^Open Demo/ })).toHaveAttribute(
    'href',
    /^http:\/\/demo\.localhost:\d+\/login$/,
  )
  await checkA11y('account-member')
  const res = await page.goto('/platform')
  expect(res?.status()).toBe(403)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not allowed')
})

test('the platform console fits a 320 px phone: its tables scroll inside their boxes', async ({
  page,
  checkA11y,
}) => {
  await page.setViewportSize({ width: 320, height: 700 })
  await page.goto('/login')
  await logIn(page, 'ops@aura.test')
  await expect(page).toHaveURL(/\/platform$/)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  await checkA11y('platform-phone')
})

test('the outbox exists only on the root domain', async ({ page, baseURL }) => {
  const res = await page.goto(workspaceUrl(baseURL, 'demo', '/outbox'))
  expect(res?.status()).toBe(404)
})

test('a manager edits their profile and creates, sees once, and revokes an API token', async ({
  page,
  baseURL,
  checkA11y,
  shot,
}) => {
  const name = `CI ${unique()}`
  await page.goto(workspaceUrl(baseURL, 'demo', '/login'))
  await logIn(page, 'manager@demo.aura.test')
  await expect(page).toHaveURL(/\/dashboard$/)
  await page.goto(workspaceUrl(baseURL, 'demo', '/profile'))
  await checkA11y('profile')
  await page.getByLabel('Phone').fill('call me maybe')
  await page.getByRole('button', { name: 'Save profile' }).click()
  await expect(page.getByText('Use digits, spaces and + ( ) - . / only')).toBeVisible()
  await page.getByLabel('Phone').fill('+44 20 7946 0000')
  await page.getByRole('button', { name: 'Save profile' }).click()
  await expect(page.getByRole('status')).toHaveText('Profile saved.')
  await expect(page.getByLabel('Phone')).toHaveValue('+44 20 7946 0000')

  await page.getByLabel('Token name').fill(name)
  await page.getByRole('button', { name: 'Create token' }).click()
  const secret = page.getByLabel(/copy it now/)
  await expect(secret).toHaveValue(/^aura_/)
  await expect(secret).toHaveAttribute('readonly', '')
  await shot('profile-token')
  await checkA11y('profile-token')
  await page.getByRole('button', { name: `Revoke ${name}` }).click()
  await expect(page.getByRole('status')).toHaveText('Token revoked.')
  await expect(page.getByText(name)).toHaveCount(0)
})

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false })

  test('signup answers "check your inbox"', async ({ page }) => {
    await page.goto('/signup')
    await page.getByLabel('Your name').fill('Nora NoJS')
    await page.getByLabel('Work email').fill(`nojs-${unique()}@example.com`)
    await page.getByLabel('Password').fill('short')
    await page.getByRole('button', { name: 'Create account' }).click()
    await expect(page.getByText('Use at least 12 characters')).toBeVisible()
    await page.getByLabel('Password').fill('no script passphrase')
    await page.getByRole('button', { name: 'Create account' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your inbox')
  })

  test('the platform console runs a workspace from contract to deletion, slug typed back', async ({
    page,
    request,
    baseURL,
  }) => {
    test.setTimeout(90_000)
    const slug = `console-${unique()}`
    const email = `owner-${slug}@example.com`
    // The account to provision: signed up and confirmed through the API (the screens are tested above).
    const api = (path: string) => new URL(`/api/v1${path}`, baseURL).toString()
    const signup = { email, password: 'console passphrase 1', name: 'Cora Console', companyName: 'Cora Co' }
    expect((await request.post(api('/auth/signup'), { data: signup })).status()).toBe(202)
    const emailedToken = async () => {
      const outbox = (await (await request.get(api('/platform/outbox'))).json()) as {
        data: { to: string; text: string }[]
      }
      return /token=([\w-]+)/.exec(outbox.data.find((e) => e.to === email)?.text ?? '')?.[1] ?? ''
    }
    await expect.poll(emailedToken).not.toBe('')
    const token = await emailedToken()
    expect((await request.post(api('/auth/verify-email'), { data: { token } })).status()).toBe(200)

    await page.goto('/login')
    await logIn(page, 'ops@aura.test')
    await expect(page).toHaveURL(/\/platform$/)
    const account = page.getByRole('row').filter({ hasText: email })
    await account.getByRole('button', { name: 'Mark contract signed' }).click()
    await expect(page.getByRole('status')).toHaveText('Contract recorded as signed.')
    await account.getByLabel('Slug').fill(slug)
    await account.getByRole('button', { name: 'Activate' }).click()
    await expect(page.getByRole('status')).toHaveText('Workspace activated.')

    const workspace = page.getByRole('row').filter({ hasText: slug })
    await workspace.getByRole('button', { name: `Suspend ${slug}` }).click()
    await expect(page.getByRole('status')).toHaveText('Workspace suspended.')
    await workspace.getByRole('button', { name: `Resume ${slug}` }).click()
    await expect(page.getByRole('status')).toHaveText('Workspace resumed.')
    // A wrong slug is refused on the confirmation field, and the box stays open to show it.
    await workspace.locator('summary').click()
    await workspace.getByLabel(`Type ${slug} to confirm`).fill('not-it')
    await workspace.getByRole('button', { name: 'Delete workspace' }).click()
    await expect(workspace.getByText(`Must be ${slug}`)).toBeVisible()
    await workspace.getByLabel(`Type ${slug} to confirm`).fill(slug)
    await workspace.getByRole('button', { name: 'Delete workspace' }).click()
    await expect(page.getByRole('status')).toContainText('Workspace archived')
    await expect(workspace).toContainText('Archived')
  })

  test('login with a wrong then the right password, then logout', async ({ page, baseURL }) => {
    await page.goto(workspaceUrl(baseURL, 'demo', '/login'))
    await logIn(page, 'sam@demo.aura.test', 'not the password')
    await expect(page.getByRole('alert')).toHaveText('Invalid email or password')
    await logIn(page, 'sam@demo.aura.test')
    await expect(page).toHaveURL(/\/dashboard$/)
    await page.getByRole('button', { name: 'Log out' }).click()
    await expect(page).toHaveURL(/\/login$/)
    await page.goto(workspaceUrl(baseURL, 'demo', '/dashboard'))
    await expect(page).toHaveURL(/\/login\?next=%2Fdashboard$/)
  })
})
