// One time zone per user (issue 13, ADR 0164), at 320 px with JavaScript off: a rep picks a zone other than
// the workspace's on their profile, and the deal page's timeline and changes show a known instant in it
// (the expected text is computed here from the same instant); then "Workspace default" puts the
// workspace's zone back. No sideways scroll. The rep's zone is cleared even when the test fails.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { createDeal, demo, logIn } from './sales-helpers.ts'

test.use({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } })

/** As the web formats an instant in a zone (lib/zoned-time.ts formatInZone). */
const inZone = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso))

async function noSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(width, 'no sideways scroll').toBeLessThanOrEqual(320)
}

async function chooseZone(
  page: Page,
  baseURL: string | undefined,
  option: { value: string } | { index: number },
) {
  await page.goto(demo(baseURL, '/profile'))
  await page.getByLabel('Time zone').selectOption(option)
  await page.getByRole('button', { name: 'Save profile' }).click()
  await expect(page.getByTestId('flash')).toHaveText('Profile saved.')
}

test('a rep reads times in their own zone, then in the workspace’s again', async ({
  page,
  baseURL,
  demoData,
}) => {
  await logIn(page, baseURL, 'rep@demo.aura.test')
  await page.goto(demo(baseURL, '/profile'))
  const select = page.getByLabel('Time zone')
  await expect(select).toHaveValue('')
  const fallback = (await select.locator('option').first().textContent()) ?? ''
  const workspaceZone = /^Workspace default \((.+)\)$/.exec(fallback)?.[1] ?? ''
  expect(workspaceZone).not.toBe('')
  await noSidewaysScroll(page)
  // Newfoundland is half an hour off every whole-hour zone, so the two readings always differ.
  const mine = workspaceZone === 'America/St_Johns' ? 'Asia/Tokyo' : 'America/St_Johns'

  try {
    await chooseZone(page, baseURL, { value: mine })
    await expect(page.getByLabel('Time zone')).toHaveValue(mine)
    await noSidewaysScroll(page)

    await createDeal(page, baseURL, { name: demoData.name('Zone') })
    const created = page.getByRole('region', { name: 'Timeline' }).locator('li', { hasText: 'Created in' })
    const instant = (await created.locator('time').getAttribute('datetime')) ?? ''
    expect(instant).not.toBe('')
    await expect(created.locator('time')).toHaveText(inZone(instant, mine))
    expect(inZone(instant, mine)).not.toBe(inZone(instant, workspaceZone))
    // The deal's changes read the same instant the same way (the "5:58 PM here, 6:58 PM there").
    const changes = page.getByRole('region', { name: 'Changes' }).locator('time').first()
    const changed = (await changes.getAttribute('datetime')) ?? ''
    await expect(changes).toHaveText(inZone(changed, mine))
    await noSidewaysScroll(page)

    // Back to the workspace's zone: the same instant reads in it.
    const dealUrl = page.url()
    await chooseZone(page, baseURL, { index: 0 })
    await expect(page.getByLabel('Time zone')).toHaveValue('')
    await page.goto(dealUrl)
    await expect(created.locator('time')).toHaveText(inZone(instant, workspaceZone))
    await noSidewaysScroll(page)
  } finally {
    // Leave the shared demo rep as found, whatever failed above.
    await page.goto(demo(baseURL, '/profile'))
    if ((await page.getByLabel('Time zone').inputValue()) !== '')
      await chooseZone(page, baseURL, { index: 0 })
  }
})
