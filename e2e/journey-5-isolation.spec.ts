// Journey 5 (NFR tenant isolation; issue 5): a member of workspace A gets nothing of workspace B — not on
// B's subdomain (the session cookie is host-only, and a cookie carried over by hand is refused), and not
// through B's record ids on A's own host (404, never B's data).
import type { APIRequestContext, Browser } from '@playwright/test'
import { expect, expectAccessible, test, workspaceUrl } from './fixtures.ts'

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
const PASSWORD = 'isolation passphrase 1'

/** Signup → email confirmed → contract → activation, all through the API on the root domain. */
async function createWorkspace(request: APIRequestContext, baseURL: string | undefined, slug: string) {
  const root = (path: string) => new URL(`/api/v1${path}`, baseURL).toString()
  const email = `owner-${slug}@initrode.example`
  const signup = await request.post(root('/auth/signup'), {
    data: { email, password: PASSWORD, name: 'Bea Owner', companyName: `Initrode ${slug}` },
  })
  expect(signup.status()).toBe(202)
  let token = ''
  await expect
    .poll(async () => {
      const { data } = (await (await request.get(root('/platform/outbox'))).json()) as {
        data: { to: string; text: string }[]
      }
      token = /token=([A-Za-z0-9_-]+)/.exec(data.find((e) => e.to === email)?.text ?? '')?.[1] ?? ''
      return token
    })
    .not.toBe('')
  expect((await request.post(root('/auth/verify-email'), { data: { token } })).status()).toBe(200)
  const ops = await request.post(root('/auth/login'), {
    data: { email: 'ops@aura.test', password: 'demo-password-123' },
  })
  expect(ops.status()).toBe(200)
  const accounts = (await (await request.get(root('/platform/accounts?limit=100'))).json()) as {
    data: { id: string; email: string }[]
  }
  const account = accounts.data.find((a) => a.email === email)
  expect(account).toBeTruthy()
  expect((await request.post(root(`/platform/accounts/${account?.id}/contract`))).status()).toBe(200)
  const activated = await request.post(root(`/platform/accounts/${account?.id}/activate`), {
    data: { slug, companyName: `Initrode ${slug}` },
  })
  expect(activated.status()).toBe(201)
  return email
}

/** B's admin creates an organization and a contact through the screens; returns their ids. */
async function createRecords(browser: Browser, baseURL: string | undefined, slug: string, email: string) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(workspaceUrl(baseURL, slug, '/login'))
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page).toHaveURL(/\/dashboard$/)
  await page.goto(workspaceUrl(baseURL, slug, '/organizations/new'))
  await page.getByLabel('Name').fill('Initrode Secret Holdings')
  await page.getByRole('button', { name: 'Create organization' }).click()
  await expect(page.getByRole('status')).toHaveText('Organization created.')
  const orgId = new URL(page.url()).pathname.split('/').at(-1) ?? ''
  await page.getByRole('link', { name: 'New contact here' }).click()
  await page.getByLabel('First name').fill('Zed')
  await page.getByLabel('Last name').fill('Confidential')
  await page.getByLabel('Email').fill(`zed-${slug}@initrode.example`)
  await page.getByRole('button', { name: 'Create contact' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zed Confidential')
  await expect(page.getByRole('link', { name: 'Initrode Secret Holdings' })).toBeVisible()
  await expectAccessible(page, test.info(), 'b-contact')
  const contactId = new URL(page.url()).pathname.split('/').at(-1) ?? ''
  await page.goto(workspaceUrl(baseURL, slug, '/products'))
  const productHref = await page
    .getByRole('main')
    .getByRole('link')
    .filter({ hasNotText: 'New product' })
    .first()
    .getAttribute('href')
  await context.close()
  return { orgId, contactId, productPath: productHref ?? '/products/none' }
}

const SECRETS = /Zed|Confidential|Initrode/

test('journey 5: a member of one workspace sees nothing of another', async ({
  page,
  browser,
  baseURL,
  request,
  checkA11y,
  shot,
}) => {
  const slug = `initrode-${unique()}`
  const email = await createWorkspace(request, baseURL, slug)
  const b = await createRecords(browser, baseURL, slug, email)

  // The demo admin signs in on the demo workspace.
  await page.goto(workspaceUrl(baseURL, 'demo', '/login'))
  await page.getByLabel('Email').fill('admin@demo.aura.test')
  await page.getByLabel('Password').fill('demo-password-123')
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page).toHaveURL(/\/dashboard$/)

  // 1. B's subdomain and deep links: the demo session does not exist there, so only B's login page.
  for (const path of [`/contacts/${b.contactId}`, `/organizations/${b.orgId}`, b.productPath, '/contacts']) {
    await page.goto(workspaceUrl(baseURL, slug, path))
    await expect(page).toHaveURL(/\/login\?next=/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Log in to ${slug}`)
    await expect(page.locator('body')).not.toContainText(SECRETS)
  }
  await shot('b-host-login')
  await checkA11y('b-host-login')

  // 2. The demo session cookie copied onto B's host by hand is refused: never B's data.
  const [session] = (await page.context().cookies(workspaceUrl(baseURL, 'demo', '/'))).filter((c) =>
    /session/i.test(c.name),
  )
  expect(session).toBeTruthy()
  if (session) {
    await page.context().addCookies([{ ...session, domain: new URL(workspaceUrl(baseURL, slug)).hostname }])
  }
  for (const path of [`/contacts/${b.contactId}`, `/organizations/${b.orgId}`, '/contacts']) {
    const res = await page.goto(workspaceUrl(baseURL, slug, path))
    const status = res?.status() ?? 0
    const onLogin = /\/login/.test(page.url())
    expect(onLogin || status === 403 || status === 404, `${path}: ${status} ${page.url()}`).toBe(true)
    await expect(page.locator('body')).not.toContainText(SECRETS)
  }
  await shot('b-host-foreign-cookie')
  await checkA11y('b-host-foreign-cookie')

  // 3. B's ids on the demo host: the friendly 404, nothing of B.
  for (const path of [`/contacts/${b.contactId}`, `/organizations/${b.orgId}`, b.productPath]) {
    const res = await page.goto(workspaceUrl(baseURL, 'demo', path))
    expect(res?.status(), path).toBe(404)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
    await expect(page.locator('body')).not.toContainText(SECRETS)
  }
  await shot('demo-host-b-ids')
  await checkA11y('demo-host-b-ids')
  // Nor does search on the demo host find B's contact.
  await page.goto(workspaceUrl(baseURL, 'demo', '/contacts?q=Confidential'))
  await expect(page.getByText('No contacts match “Confidential”.')).toBeVisible()
  await checkA11y('demo-search-b')
})
