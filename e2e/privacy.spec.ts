// GDPR (issue 15, ADR 0173): an admin downloads everything Aura holds about a contact, then erases them (the
// typed name, the emailed step-up code, and the contact is gone); the workspace deletion page offers the export
// first and wants the address typed. At 320 px without JavaScript and at 1280 px with it, with no sideways
// scroll and no axe violation.
import { readFile } from 'node:fs/promises'
import { codeEmails, login, newCode } from './admin-helpers.ts'
import { expect, test, workspaceUrl } from './fixtures.ts'
import { inEachLayout, noSidewaysScroll } from './sales-helpers.ts'

const ADMIN = 'admin@demo.aura.test'

inEachLayout(({ js }) => {
  test('an admin downloads a contact’s personal data and erases the contact', async ({
    page,
    baseURL,
    request,
    demoData,
    checkA11y,
  }) => {
    await login(page, baseURL, ADMIN)
    const last = demoData.name('Erasable')
    const email = `erin-${demoData.stamp.replace(/\W/g, '')}@example.test`
    await page.goto(workspaceUrl(baseURL, 'demo', '/contacts/new'))
    await page.getByLabel('First name').fill('Erin')
    await page.getByLabel('Last name').fill(last)
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Phone').fill('+44 20 7946 0000')
    await page.getByRole('button', { name: 'Create contact' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Erin ${last}`)
    const contactUrl = page.url()

    // Access: the whole record as one JSON file.
    const privacy = page.getByRole('region', { name: 'Personal data' })
    await expect(privacy).toBeVisible()
    await noSidewaysScroll(page)
    if (js) await checkA11y('contact-with-privacy')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      privacy.getByRole('button', { name: 'Download personal data' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^aura-contact-[0-9a-f-]{36}\.json$/)
    const data = JSON.parse(await readFile(await download.path(), 'utf8'))
    expect(data.contact).toMatchObject({ firstName: 'Erin', lastName: last, email })
    expect(data).toHaveProperty('activities')
    expect(data).toHaveProperty('auditLog')

    // Erasure: the confirmation page, the typed name, then the emailed code.
    await page.goto(contactUrl)
    await privacy.getByRole('link', { name: 'Erase this contact' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Erase Erin ${last}`)
    await noSidewaysScroll(page)
    if (js) await checkA11y('erase-contact')
    const seen = new Set((await codeEmails(request, baseURL, ADMIN)).map((e) => e.id))
    await page.getByLabel(`Type “Erin ${last}” to confirm`).fill(`Erin ${last}`)
    await page.getByRole('button', { name: 'Erase permanently' }).click()
    await expect(page.getByRole('heading', { name: 'Confirm it is you' })).toBeVisible()
    await noSidewaysScroll(page)
    if (js) await checkA11y('erase-contact-step-up')
    await page.getByLabel('Verification code').fill(await newCode(request, baseURL, ADMIN, seen))
    await page.getByRole('button', { name: 'Verify and erase' }).click()
    await expect(page).toHaveURL(/\/contacts$/)
    await expect(page.getByRole('status')).toHaveText(
      'Contact erased: their personal data is gone from Aura.',
    )
    await noSidewaysScroll(page)

    // Gone: the page is a 404 and the search finds nothing.
    const gone = await page.goto(contactUrl)
    expect(gone?.status()).toBe(404)
    await page.goto(workspaceUrl(baseURL, 'demo', `/contacts?q=${encodeURIComponent(email)}`))
    await expect(page.getByRole('link', { name: `Erin ${last}` })).toHaveCount(0)
  })

  test('the workspace deletion page offers the export first and wants the address typed', async ({
    page,
    baseURL,
    request,
    checkA11y,
  }) => {
    await login(page, baseURL, ADMIN)
    await page.goto(workspaceUrl(baseURL, 'demo', '/settings/workspace'))
    await page.getByRole('link', { name: 'Delete this workspace' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Delete this workspace')
    await expect(page.getByRole('link', { name: 'Go to Export' })).toHaveAttribute('href', '/settings/export')
    await noSidewaysScroll(page)
    if (js) await checkA11y('delete-workspace')
    // A wrong address: after the code, the API names the field and nothing is deleted.
    const seen = new Set((await codeEmails(request, baseURL, ADMIN)).map((e) => e.id))
    await page.getByLabel('Type the workspace address “demo” to confirm').fill('not-demo')
    await page.getByRole('button', { name: 'Delete workspace' }).click()
    await expect(page.getByRole('heading', { name: 'Confirm it is you' })).toBeVisible()
    await page.getByLabel('Verification code').fill(await newCode(request, baseURL, ADMIN, seen))
    await page.getByRole('button', { name: 'Verify and delete' }).click()
    await expect(page.getByText('Must be demo')).toBeVisible()
    await noSidewaysScroll(page)
    await page.goto(workspaceUrl(baseURL, 'demo', '/dashboard'))
    await expect(page).toHaveURL(/\/dashboard$/)
  })
})
