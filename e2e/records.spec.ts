// Contacts and organizations (issue 5): a manager builds a company with a subsidiary, adds a contact,
// assigns it to a rep, logs and archives activities on its timeline; the rep finds it with the one search
// box and sees no owner controls. A JavaScript-off run logs an activity with the plain form.
import type { Page } from '@playwright/test'
import { expect, test, workspaceUrl } from './fixtures.ts'

async function login(page: Page, baseURL: string | undefined, email: string) {
  await page.goto(workspaceUrl(baseURL, 'demo', '/login'))
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill('demo-password-123')
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page).toHaveURL(/\/dashboard$/)
}

test('a manager organizes companies and contacts; the rep finds theirs', async ({
  page,
  browser,
  baseURL,
  checkA11y,
  shot,
  demoData,
}) => {
  const stamp = demoData.stamp
  const parent = `Holding ${stamp}`
  const child = `Subsidiary ${stamp}`
  const last = `Lovelace${stamp}`
  await login(page, baseURL, 'manager@demo.aura.test')

  // Organizations: a parent, then a subsidiary from the parent's page.
  await page.goto(workspaceUrl(baseURL, 'demo', '/organizations'))
  await checkA11y('organizations')
  await page.getByRole('link', { name: 'New organization' }).click()
  await checkA11y('organization-new')
  await page.getByRole('button', { name: 'Create organization' }).click()
  await expect(page.getByText('Enter a name')).toBeVisible()
  await expect(page.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true')
  await page.getByLabel('Name').fill(parent)
  await page.getByLabel('Industry').fill('Finance')
  await page.getByRole('button', { name: 'Create organization' }).click()
  await expect(page.getByRole('status')).toHaveText('Organization created.')
  await page.getByRole('link', { name: 'Add a subsidiary' }).click()
  await expect(page.getByLabel('Parent company').locator('option:checked')).toHaveText(parent)
  await page.getByLabel('Name').fill(child)
  await page.getByRole('button', { name: 'Create organization' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(child)
  await page.getByRole('region', { name: 'Company structure' }).getByRole('link', { name: parent }).click()
  await expect(
    page.getByRole('region', { name: 'Company structure' }).getByRole('link', { name: child }),
  ).toBeVisible()
  await shot('organization')
  await checkA11y('organization')

  // A contact at the subsidiary, owned by the rep.
  await page.goto(workspaceUrl(baseURL, 'demo', '/contacts/new'))
  await checkA11y('contact-new')
  await page.getByLabel('First name').fill('Ada')
  await page.getByLabel('Last name').fill(last)
  await page.getByLabel('Email').fill(`ada-${stamp}@example.test`)
  await page.getByLabel('Phone').fill('not a phone')
  await page.getByLabel('Organization').selectOption({ label: child })
  await page.getByLabel('Owner').selectOption({ label: 'Rita Rep' })
  await page.getByRole('button', { name: 'Create contact' }).click()
  await expect(page.getByText('Use digits, spaces and + ( ) - . /')).toBeVisible()
  await checkA11y('contact-new-errors')
  await page.getByLabel('Phone').fill('+49 30 1234567')
  await page.getByRole('button', { name: 'Create contact' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Ada ${last}`)
  await expect(page.getByRole('status')).toHaveText('Contact created.')
  await expect(page.getByRole('link', { name: child })).toBeVisible()
  await expect(page.getByLabel('Owner').locator('option:checked')).toHaveText('Rita Rep')

  // Timeline: an activity is required to say what happened; then logged, shown, and archived.
  await page.getByRole('button', { name: 'Log activity' }).click()
  await expect(page.getByText('Describe what happened')).toBeVisible()
  await page.getByRole('form', { name: 'Log activity' }).getByLabel('Type').selectOption('meeting')
  await page.getByLabel('Subject').fill('Kick-off')
  await page.getByLabel('When').fill('2026-03-02T10:30')
  await page.getByLabel('Description').fill('Met the team; they want a pilot.')
  await page.getByRole('button', { name: 'Log activity' }).click()
  await expect(page.getByRole('status')).toHaveText('Activity logged.')
  const timeline = page.getByRole('region', { name: 'Timeline' })
  await expect(timeline).toContainText('Meeting: Kick-off')
  await expect(timeline).toContainText('Met the team; they want a pilot.')
  await expect(timeline).toContainText('Mar 2, 2026')
  await shot('contact')
  await checkA11y('contact')
  await page.getByRole('button', { name: 'Archive meeting “Kick-off”' }).click()
  await expect(page.getByRole('status')).toHaveText('Activity archived.')
  await expect(timeline).not.toContainText('Kick-off')

  // The organization lists its contact.
  await page.getByRole('link', { name: child }).click()
  await expect(page.getByRole('region', { name: 'Contacts' })).toContainText(`Ada ${last}`)

  // The rep finds the contact with the one search box (by email fragment) and cannot reassign it.
  const repContext = await browser.newContext()
  const rep = await repContext.newPage()
  await login(rep, baseURL, 'rep@demo.aura.test')
  await rep.goto(workspaceUrl(baseURL, 'demo', '/contacts'))
  await expect(rep.getByLabel('Owner')).toHaveCount(0)
  await rep.getByLabel('Search contacts').fill(`ada-${stamp}`)
  await rep.getByRole('button', { name: 'Search' }).click()
  await rep.getByRole('link', { name: `Ada ${last}` }).click()
  await expect(rep.getByRole('heading', { level: 1 })).toHaveText(`Ada ${last}`)
  await expect(rep.getByLabel('Owner')).toHaveCount(0)
  await rep.getByLabel('Job title').fill('CTO')
  await rep.getByRole('button', { name: 'Save contact' }).click()
  await expect(rep.getByRole('status')).toHaveText('Contact saved.')
  await expect(rep.getByRole('main')).toContainText('CTO')
  await repContext.close()
})

test('contacts fit a 320 px phone', async ({ page, baseURL, checkA11y }) => {
  await login(page, baseURL, 'manager@demo.aura.test')
  await page.setViewportSize({ width: 320, height: 700 })
  await page.goto(workspaceUrl(baseURL, 'demo', '/contacts'))
  const first = page.getByRole('main').getByRole('table').getByRole('link').first()
  const overflow = async () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(await overflow()).toBeLessThanOrEqual(0)
  await checkA11y('phone-contacts')
  await first.click()
  await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible()
  expect(await overflow()).toBeLessThanOrEqual(0)
  await checkA11y('phone-contact')
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  // axe needs page scripts, so this run checks behaviour; the same page is axe-checked above.
  test('an activity is logged with the plain form', async ({ page, baseURL, shot, demoData }) => {
    await login(page, baseURL, 'manager@demo.aura.test')
    await page.goto(workspaceUrl(baseURL, 'demo', '/contacts'))
    await page.getByRole('main').getByRole('table').getByRole('link').first().click()
    const subject = demoData.name('No-JS call')
    await page.getByLabel('Subject').fill(subject)
    await page.getByLabel('Description').fill('Called from a browser without JavaScript.')
    await page.getByRole('button', { name: 'Log activity' }).click()
    await expect(page.getByRole('status')).toHaveText('Activity logged.')
    await expect(page.getByRole('region', { name: 'Timeline' })).toContainText(`Call: ${subject}`)
    await shot('no-js-contact')
  })
})
