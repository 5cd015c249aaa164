// Journey 1 (PRD; issue 5): sign up on the public site → confirm the email from the outbox → the platform
// admin records the contract and activates the workspace → the new admin sets the workspace up and
// invites a rep → the rep accepts from the outbox link and lands in an empty CRM with the default process.
import type { Page } from '@playwright/test'
import { expect, test, workspaceUrl } from './fixtures.ts'

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

/** Follows the link in the newest outbox email to `to` with this subject (local mode only). */
async function openEmailLink(page: Page, to: string, subject: string | RegExp) {
  await page.goto('/outbox')
  const mail = page.getByRole('article').filter({ hasText: to }).filter({ hasText: subject }).first()
  await mail.getByRole('link').first().click()
}

test('journey 1: from signup to an invited rep on an empty, ready CRM', async ({
  page,
  baseURL,
  checkA11y,
  shot,
}) => {
  // A whole onboarding walks about twenty pages; on a busy CI machine that outlasts the 30 s default.
  test.setTimeout(120_000)
  const stamp = unique()
  const founder = {
    name: 'Grace Founder',
    email: `founder-${stamp}@globex.example`,
    password: 'founder passphrase 1',
  }
  const slug = `globex-${stamp}`
  const repEmail = `rep-${stamp}@globex.example`

  // 1. Signup on the root domain; the page answers "check your inbox".
  await page.goto('/signup')
  await expect(page.getByText('At least 12 characters')).toBeVisible()
  await checkA11y('signup')
  await page.getByLabel('Your name').fill(founder.name)
  await page.getByLabel('Work email').fill(founder.email)
  await page.getByLabel('Password').fill('too short')
  await page.getByLabel('Company name').fill('Globex')
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByText('Use at least 12 characters')).toBeVisible()
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true')
  await checkA11y('signup-errors')
  await page.getByLabel('Password').fill(founder.password)
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your inbox')
  await shot('signup-sent')
  await checkA11y('signup-sent')

  // 2. The verification link from the outbox confirms the email.
  await page.goto('/outbox')
  await checkA11y('outbox')
  await openEmailLink(page, founder.email, 'Confirm your email')
  await expect(page).toHaveURL(/\/verify-email\?token=/)
  await checkA11y('verify-email')
  await page.getByRole('button', { name: 'Confirm my email' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Email confirmed')
  await checkA11y('email-confirmed')

  // 3. The platform admin records the contract and activates the workspace (a bad slug first).
  await page.goto('/login')
  await page.getByLabel('Email').fill('ops@aura.test')
  await page.getByLabel('Password').fill('demo-password-123')
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page).toHaveURL(/\/platform$/)
  await checkA11y('platform')
  const row = page.getByRole('row').filter({ hasText: founder.email })
  await row.getByRole('button', { name: 'Mark contract signed' }).click()
  await expect(page.getByRole('status')).toHaveText('Contract recorded as signed.')
  await row.getByLabel('Slug').fill('Not a slug!')
  await row.getByRole('button', { name: 'Activate' }).click()
  await expect(row.getByText('Use 1–63 lowercase letters')).toBeVisible()
  await checkA11y('platform-slug-error')
  await row.getByLabel('Slug').fill(slug)
  await expect(row.getByLabel('Company name')).toHaveValue('Globex')
  await row.getByRole('button', { name: 'Activate' }).click()
  await expect(page.getByRole('status')).toHaveText('Workspace activated.')
  await expect(page.getByRole('row').filter({ hasText: slug })).toContainText('active')
  await shot('platform-activated')
  await checkA11y('platform-activated')

  // 4. The new admin logs in on the workspace and sets its metadata.
  await page.goto(workspaceUrl(baseURL, slug, '/login'))
  await page.getByLabel('Email').fill(founder.email)
  await page.getByLabel('Password').fill(founder.password)
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page).toHaveURL(/\/dashboard$/)
  await page.goto(workspaceUrl(baseURL, slug, '/settings/workspace'))
  await checkA11y('settings-workspace')
  await page.getByLabel('Company name').fill('Globex Corporation')
  await page.getByLabel('Logo URL').fill('https://cdn.globex.example/logo.svg')
  await page.getByLabel('Industry').fill('Manufacturing')
  await page.getByLabel('Time zone').fill('America/Chicago')
  await page.getByRole('button', { name: 'Save workspace' }).click()
  await expect(page.getByRole('status')).toHaveText('Workspace saved.')
  await expect(page.getByRole('banner')).toContainText('Globex Corporation')
  await shot('settings-workspace')

  // 5. The admin invites a rep, then logs out.
  await page.goto(workspaceUrl(baseURL, slug, '/settings/users'))
  await page.getByLabel('Email').fill(repEmail)
  await page.getByLabel('Role').selectOption('rep')
  await page.getByRole('button', { name: 'Send invitation' }).click()
  await expect(page.getByRole('status')).toHaveText(`Invitation sent to ${repEmail}.`)
  await expect(page.getByRole('region', { name: 'Pending invitations' })).toContainText(repEmail)
  await checkA11y('settings-users')
  await page.getByRole('button', { name: 'Log out' }).click()
  await expect(page).toHaveURL(/\/login$/)

  // 6. The rep accepts from the outbox link, sets a password and lands on the dashboard.
  await openEmailLink(page, repEmail, /invited to Globex Corporation/)
  await expect(page).toHaveURL(new RegExp(`^http://${slug}\\.localhost:\\d+/invitations/accept\\?token=`))
  // The page names the company (not the slug), the address and the role before anything is typed.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Join Globex Corporation')
  await expect(page.getByText(`You are invited as a sales rep with ${repEmail}.`)).toBeVisible()
  await checkA11y('accept-invitation')
  const acceptUrl = page.url()
  await page.getByLabel('Your name').fill('Ray Rep')
  await page.getByLabel('Password').fill('rep passphrase 12345')
  await page.getByRole('button', { name: 'Join the workspace' }).click()
  await expect(page).toHaveURL(workspaceUrl(baseURL, slug, '/dashboard'))
  await expect(page.getByRole('banner')).toContainText('Globex Corporation')
  await expect(page.getByRole('link', { name: 'Settings' })).toHaveCount(0)
  await shot('rep-dashboard')
  await checkA11y('rep-dashboard')

  // The CRM is ready: its one process is the default "Sales pipeline" (asked with the rep's cookie).
  // Asked from the page itself: Chromium resolves *.localhost, Node's resolver does not.
  const body = await page.evaluate(async () => {
    const res = await fetch('/api/v1/processes')
    return { status: res.status, ...((await res.json()) as { data: { name: string; isDefault: boolean }[] }) }
  })
  expect(body.status).toBe(200)
  expect(body.data).toEqual([expect.objectContaining({ name: 'Sales pipeline', isDefault: true })])

  // The invitation link is single-use: opening it again says so plainly, before anything is typed.
  await page.getByRole('button', { name: 'Log out' }).click()
  await expect(page).toHaveURL(/\/login$/)
  await page.goto(acceptUrl)
  await expect(page.getByLabel('Your name')).toHaveCount(0)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This invitation link does not work')
  await checkA11y('invitation-used')
})
