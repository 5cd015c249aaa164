// CSV import (issue 15, ADR 0174): an admin builds a 1,000-row contacts file (bad phones, two rows carrying an
// existing contact's e-mail, a column to ignore, one the guess misses), uploads it from Contacts › Import,
// corrects the mapping, chooses "Update", checks the preview's errors, starts, waits for the page (which
// refreshes itself) to say done, checks the counts, downloads the rejected rows and undoes the import.
// At 320 px without JavaScript and at 1280 px with it, with no sideways scroll and no axe violation.
import { readFile } from 'node:fs/promises'
import { expect, test } from './fixtures.ts'
import { demo, inEachLayout, logIn, noSidewaysScroll } from './sales-helpers.ts'

const ROWS = 1000
const badPhone = (i: number) => i % 100 === 3 // rows 3, 103, … 903: 10 rejected

function contactsCsv(stamp: string, existingEmail: string) {
  const lines = ['First name,Last name,Email,Phone,Role,Designation']
  for (let i = 1; i <= ROWS; i++) {
    // Row 2 matches the existing contact (updated); row 700 repeats it within the file (skipped: the first
    // row of a key wins).
    const email = i === 2 || i === 700 ? existingEmail.toUpperCase() : `imp-${i}-${stamp}@example.test`
    const phone = badPhone(i) ? 'call me maybe' : `+49 30 ${1_000_000 + i}`
    lines.push(`Imp${i},${stamp},${email},${phone},internal-${i},Buyer ${i}`)
  }
  return `${lines.join('\r\n')}\r\n`
}

inEachLayout(({ js }) => {
  test('an admin imports 1,000 contacts with a corrected mapping, reads the rejects and undoes it', async ({
    page,
    baseURL,
    demoData,
    checkA11y,
  }) => {
    test.setTimeout(90_000)
    await logIn(page, baseURL, 'admin@demo.aura.test')
    const stamp = demoData.stamp
    const existingEmail = `imp-old-${stamp}@example.test`
    await page.goto(demo(baseURL, '/contacts/new'))
    await page.getByLabel('First name').fill('Old')
    await page.getByLabel('Last name').fill(stamp)
    await page.getByLabel('Email').fill(existingEmail)
    await page.getByRole('button', { name: 'Create contact' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`Old ${stamp}`)

    // The way in: Contacts › Import, the kind already chosen.
    await page.goto(demo(baseURL, '/contacts'))
    await page.getByRole('link', { name: 'Import', exact: true }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import')
    await expect(page.getByLabel('The file holds')).toHaveValue('contact')
    await expect(page.getByText('At most 20 MB and 100,000 rows')).toBeVisible()
    await noSidewaysScroll(page)
    if (js) await checkA11y('imports')
    await page.getByLabel('CSV file').setInputFiles({
      name: `contacts-${stamp}.csv`,
      mimeType: 'text/csv',
      buffer: Buffer.from(contactsCsv(stamp, existingEmail)),
    })
    await page.getByRole('button', { name: 'Upload' }).click()

    // The guessed mapping: Role → Job title (wrong here), Designation missed.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Import: contacts-${stamp}.csv`)
    await expect(page.getByLabel('Email', { exact: true })).toHaveValue('email')
    await expect(page.getByLabel('Role', { exact: true })).toHaveValue('title')
    await expect(page.getByLabel('Designation', { exact: true })).toHaveValue('')
    await expect(page.getByText('Sample: Buyer 1')).toBeVisible()
    // Two columns on one field: the refusal sits by the column, the choices stay as made.
    await page.getByLabel('Designation', { exact: true }).selectOption({ label: 'Job title' })
    await page.getByRole('button', { name: 'Start import' }).click()
    await expect(page.getByText('already fills this field')).toBeVisible()
    await expect(page.getByLabel('Designation', { exact: true })).toHaveValue('title')
    await expect(page.getByRole('heading', { name: /^Import finished/ })).toHaveCount(0)
    await page.getByLabel('Role', { exact: true }).selectOption('')
    await page.getByLabel('Update the existing record').check()
    await page.getByRole('button', { name: 'Check' }).click()

    await expect(page.getByLabel('Designation', { exact: true })).toHaveValue('title')
    await expect(page.getByLabel('Role', { exact: true })).toHaveValue('')
    await expect(page.getByLabel('Update the existing record')).toBeChecked()
    const row = (n: number) =>
      page.locator('tbody tr').filter({ has: page.getByText(`Row ${n}`, { exact: true }) })
    await expect(row(2)).toContainText('Update')
    await expect(row(3)).toContainText('Reject')
    await expect(row(3)).toContainText('Phone:')
    await expect(row(3).getByText('(has an error)')).toHaveCount(1)
    await expect(row(4)).toContainText('Create')
    await noSidewaysScroll(page)
    if (js) await checkA11y('import-mapping')

    await page.getByRole('button', { name: 'Start import' }).click()
    // Running: the page refreshes itself (a <meta refresh>) until the run is over.
    await expect(page.getByRole('heading', { name: /^Import finished/ })).toBeVisible({ timeout: 30_000 })
    const figure = (label: string) => page.locator('dl > div').filter({ hasText: label }).locator('dd')
    await expect(figure('Created')).toHaveText(String(ROWS - 10 - 2))
    await expect(figure('Updated')).toHaveText('1')
    await expect(figure('Skipped')).toHaveText('1')
    await expect(figure('Rejected')).toHaveText('10')
    await noSidewaysScroll(page)
    if (js) await checkA11y('import-done')

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download rejected rows (CSV)' }).click(),
    ])
    const report = (await readFile((await download.path()) ?? '', 'utf8')).trim().split(/\r?\n/)
    expect(report[0]).toBe('First name,Last name,Email,Phone,Role,Designation,Row,Reason')
    expect(report).toHaveLength(11)
    expect(report[1]).toContain('call me maybe')
    expect(report[1]).toContain(',3,')

    await page.getByRole('button', { name: 'Undo this import' }).click()
    await expect(page.getByText(/^This import was undone on /)).toBeVisible({ timeout: 30_000 })
    await noSidewaysScroll(page)

    // The existing contact has its own values back; the imported ones are gone.
    await page.goto(demo(baseURL, `/contacts?q=${encodeURIComponent(stamp)}`))
    await expect(page.getByRole('link', { name: `Old ${stamp}` })).toBeVisible()
    await expect(page.getByRole('link', { name: `Imp1 ${stamp}` })).toHaveCount(0)
    await page.goto(demo(baseURL, '/imports'))
    await expect(page.getByRole('link', { name: `contacts-${stamp}.csv` })).toBeVisible()
  })
})
