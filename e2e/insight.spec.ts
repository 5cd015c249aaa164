// Insight (issue 14, ADR 0170): a manager opens the team's figures from the bar, picks a process and a
// period, reads the trend and the funnel, narrows to Rita and back; a deal won shows up in "Won this month"
// at once. Rita sees only her own figures. At 320 px with and without JavaScript and at 1280 px with it, with no
// sideways scroll and no axe violation.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { createDeal, demo, inEachLayout, logIn, noSidewaysScroll } from './sales-helpers.ts'

/** The "Won this month" figure's deal count. */
async function wonThisMonth(page: Page) {
  const detail = page.locator('dl > div').filter({ hasText: 'Won this month' }).locator('dd').last()
  return Number(((await detail.textContent()) ?? '').replace(/\D+/g, ''))
}

async function openInsight(page: Page, width: number) {
  if (width < 640) await page.getByText('Menu', { exact: true }).click()
  await page.getByRole('link', { name: 'Insight', exact: true }).filter({ visible: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Insight')
}

inEachLayout(
  ({ js, width }) => {
    test('a manager reads the team’s figures, a process’s funnel and one rep’s; a win counts at once', async ({
      page,
      baseURL,
      demoData,
      checkA11y,
    }) => {
      await logIn(page, baseURL, 'manager@demo.aura.test')
      await openInsight(page, width)
      await expect(page.getByText(/^The team · all processes · this month/)).toBeVisible()
      await page.getByText('Show the figures').click()
      await expect(page.getByRole('table', { name: 'Won per month' }).locator('tbody tr')).toHaveCount(12)
      await expect(page.getByText('choose one above to see its funnel')).toBeVisible()
      const owners = page.getByRole('table', { name: 'Figures per owner' })
      await expect(owners.getByRole('link', { name: 'Rita Rep' })).toBeVisible()
      await noSidewaysScroll(page)

      await page.getByRole('navigation', { name: 'Processes' }).getByRole('link').nth(1).click()
      await expect(page.locator('[data-chart="funnel"]')).toBeVisible()
      await expect(page.getByText(/reached · \d+(\.\d)?% went on/).first()).toBeVisible()
      await page.getByRole('navigation', { name: 'Period' }).getByRole('link', { name: 'This year' }).click()
      await expect(page).toHaveURL(/period=year/)
      await expect(page.getByText(/^The team · .* · this year/)).toBeVisible()
      await noSidewaysScroll(page)
      if (js) await checkA11y('insight')

      await page
        .getByRole('table', { name: 'Figures per owner' })
        .getByRole('link', { name: 'Rita Rep' })
        .click()
      await expect(page.getByText(/^Rita Rep · .* · this year/)).toBeVisible()
      await expect(page.getByRole('heading', { name: 'Per owner' })).toHaveCount(0)
      await page.getByRole('link', { name: 'Back to the team' }).click()
      await expect(page.getByText(/^The team/)).toBeVisible()

      await page.goto(demo(baseURL, '/insight'))
      const before = await wonThisMonth(page)
      await createDeal(page, baseURL, { name: demoData.name('Won for insight'), amount: '1234.57' })
      await page.getByRole('button', { name: /^Won/ }).click()
      await expect(page.getByTestId('flash')).toBeVisible()
      await page.goto(demo(baseURL, '/insight'))
      expect(await wonThisMonth(page)).toBeGreaterThanOrEqual(before + 1)
      await expect(page.locator('svg[data-chart="trend"] rect')).toHaveCount(12)
    })

    test('a rep sees her own figures only', async ({ page, baseURL, checkA11y }) => {
      await logIn(page, baseURL, 'rep@demo.aura.test')
      await openInsight(page, width)
      await expect(page.getByText(/^Your deals · all processes · this month/)).toBeVisible()
      await expect(page.getByRole('heading', { name: 'Per owner' })).toHaveCount(0)
      await expect(page.getByRole('heading', { name: 'Won per month' })).toBeVisible()
      await noSidewaysScroll(page)
      if (js) await checkA11y('insight-rep')
    })
  },
  { phoneWithJavaScript: true },
)
