// The deal page as a record (issue 13), at 320 px and 1280 px, with JavaScript on and off: one tap on the
// stage strip moves the deal; an activity logged on the deal appears in its one timeline; "Lost…" asks
// why; a closed deal has no strip and comes back only through "Reopen…"; what changed reads as sentences;
// "Edit details" is rendered only when asked for, and a deal's contact is the one its activities go with.
// No width scrolls sideways. Each test makes its own deal (demoData removes it after).
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { createDeal, logIn, noSidewaysScroll } from './sales-helpers.ts'

const said = (page: Page) => page.getByTestId('flash')

const layouts = [
  { width: 320, height: 640, javaScriptEnabled: false },
  { width: 1280, height: 800, javaScriptEnabled: true },
  { width: 320, height: 640, javaScriptEnabled: true },
] as const

for (const { width, height, javaScriptEnabled } of layouts) {
  test.describe(`${width} px, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled, viewport: { width, height } })

    test('move in one tap, log an activity, lose with a reason, reopen explicitly', async ({
      page,
      baseURL,
      demoData,
      checkA11y,
    }) => {
      await logIn(page, baseURL, 'rep@demo.aura.test')
      const name = demoData.name('Record')
      await createDeal(page, baseURL, { name })
      const strip = page.getByRole('form', { name: 'Move to stage' })
      await expect(strip.getByRole('button', { name: /^Prospect/ })).toHaveAttribute('aria-current', 'step')
      await noSidewaysScroll(page)

      // One tap: the stage's own button.
      await strip.getByRole('button', { name: /^Qualified/ }).click()
      await expect(said(page)).toHaveText('Moved to Qualified.')
      await expect(strip.getByRole('button', { name: /^Qualified/ })).toHaveAttribute('aria-current', 'step')

      // Log a call on the deal: filed under a contact, shown in the deal's timeline.
      const log = page.getByRole('form', { name: 'Log activity' })
      await log.getByLabel('With contact').selectOption({ index: 1 })
      await log.getByLabel('Subject').fill('Discovery call')
      await log.getByLabel('Description').fill('Budget confirmed for Q3.')
      await log.getByRole('button', { name: 'Log activity' }).click()
      await expect(said(page)).toHaveText('Activity logged.')
      const timeline = page.getByRole('region', { name: 'Timeline' })
      await expect(timeline).toContainText('Call: Discovery call')
      await expect(timeline).toContainText('Moved from Prospect to Qualified')
      await expect(timeline).toContainText('Created in Prospect')
      if (javaScriptEnabled) await checkA11y(`deal-record-${width}`)

      // Lost, for a reason from the process's list.
      await page.getByText('Lost…').click()
      await page.getByLabel('Why was it lost?').selectOption({ label: 'Chose a competitor' })
      await page.getByRole('button', { name: 'Mark as lost' }).click()
      await expect(said(page)).toHaveText('Marked as lost.')
      await expect(page.getByText(/^Lost on .* · Chose a competitor/)).toBeVisible()
      await expect(page.getByRole('form', { name: 'Move to stage' })).toHaveCount(0)
      await noSidewaysScroll(page)

      // Back only through Reopen, to the stage chosen there.
      await page.getByText('Reopen…').click()
      await page.getByLabel('Back to stage').selectOption({ label: 'Proposal' })
      await page.getByRole('button', { name: 'Reopen deal' }).click()
      await expect(said(page)).toHaveText('Reopened in Proposal.')
      await expect(strip.getByRole('button', { name: /^Proposal/ })).toHaveAttribute('aria-current', 'step')
      const changes = page.getByRole('region', { name: 'Changes' })
      await expect(changes).toContainText('reopened the deal, moving it from Lost to Proposal')
      await expect(changes).toContainText('(reason: Chose a competitor)')
      await expect(changes).not.toContainText('deal.')
      await noSidewaysScroll(page)
      if (javaScriptEnabled) await checkA11y(`deal-reopened-${width}`)
    })

    test('the details open on request; an activity is then logged with the deal’s contact', async ({
      page,
      baseURL,
      demoData,
    }) => {
      await logIn(page, baseURL, 'rep@demo.aura.test')
      await createDeal(page, baseURL, { name: demoData.name('Contact') })
      // The details' long choices are not on the page until asked for.
      const details = page.getByRole('form', { name: 'Deal details' })
      await expect(details).toHaveCount(0)
      await page.getByRole('link', { name: 'Edit details' }).click()
      const contact = details.getByLabel('Contact')
      await contact.selectOption({ index: 1 })
      const chosen = (await contact.locator('option:checked').textContent()) ?? ''
      await details.getByRole('button', { name: 'Save details' }).click()
      await expect(said(page)).toHaveText('Deal saved.')
      await expect(details).toHaveCount(0)
      await expect(page.getByRole('region', { name: 'Key facts' })).toContainText(chosen)

      const log = page.getByRole('form', { name: 'Log activity' })
      await expect(log.getByLabel('With contact')).toHaveCount(0)
      await expect(log).toContainText(`With ${chosen}, the deal’s contact.`)
      await log.getByLabel('Subject').fill('Follow-up call')
      await log.getByLabel('Description').fill('Sent the quote.')
      await log.getByRole('button', { name: 'Log activity' }).click()
      await expect(said(page)).toHaveText('Activity logged.')
      await expect(page.getByRole('region', { name: 'Timeline' })).toContainText('Call: Follow-up call')
      await noSidewaysScroll(page)
    })
  })
}

test.describe('320 px, JavaScript off', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } })

  test('an admin edits a process’s lost reasons, which "Lost…" then offers', async ({
    page,
    baseURL,
    demoData,
  }) => {
    await logIn(page, baseURL, 'admin@demo.aura.test')
    const dealId = await createDeal(page, baseURL, { name: demoData.name('Reasons') })
    await page.goto(page.url().replace(`/deals/${dealId}`, '/settings/processes'))
    await page.getByRole('link', { name: 'Sales pipeline' }).first().click()
    const reasons = page.getByRole('region', { name: 'Lost reasons' })
    const label = demoData.name('Went silent')
    await reasons.getByLabel('New reason').fill(label)
    await reasons.getByRole('button', { name: 'Add reason' }).click()
    await expect(said(page)).toHaveText('Lost reason added.')
    await expect(reasons.getByRole('listitem').filter({ hasText: label })).toHaveCount(1)
    await reasons.getByLabel('New reason').fill(label.toUpperCase())
    await reasons.getByRole('button', { name: 'Add reason' }).click()
    await expect(reasons).toContainText('Already in the list')
    await noSidewaysScroll(page)

    await page.goto(page.url().replace(/\/settings\/processes\/.*$/, `/deals/${dealId}`))
    await page.getByText('Lost…').click()
    await expect(page.getByLabel('Why was it lost?').locator('option', { hasText: label })).toHaveCount(1)

    await page.goBack()
    await reasons.getByRole('button', { name: `Remove “${label}”` }).click()
    await expect(said(page)).toHaveText('Lost reason removed; deals lost for it keep it.')
    await expect(reasons.getByRole('listitem').filter({ hasText: label })).toHaveCount(0)
  })
})
