// Bulk change of deals from the list (issue 13): tick rows, choose what to do, review a sentence saying
// exactly what will change, confirm; back on the list a message says what was done. Plain HTML (works
// without JavaScript) and fits a 320 px phone. Each test makes its own deals (removed after it).
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { createDeal, demo, logIn } from './sales-helpers.ts'

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBeLessThanOrEqual(0)
}

const bulkForm = (page: Page) => page.getByRole('form', { name: 'Change several deals' })

test.describe('JavaScript off, 320 px', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } })

  test('a manager reassigns two ticked deals to a rep after reviewing the change', async ({
    page,
    baseURL,
    demoData,
  }) => {
    await logIn(page, baseURL, 'manager@demo.aura.test')
    const names = [demoData.name('Bulk A'), demoData.name('Bulk B')]
    for (const name of names) await createDeal(page, baseURL, { name })
    await page.goto(demo(baseURL, `/deals?q=${demoData.stamp}`))
    await expect(page.getByText('Filters (1 active)')).toBeVisible()
    await expectNoSidewaysScroll(page)

    // Nothing ticked: the review page says so and changes nothing.
    await bulkForm(page).getByLabel('Change').selectOption({ label: 'Reassign to…' })
    await bulkForm(page).getByLabel('New owner (reassign)').selectOption({ label: 'Rita Rep' })
    await bulkForm(page).getByRole('button', { name: 'Review the change' }).click()
    await expect(page.getByText('Tick the deals to change first')).toBeVisible()
    await page.getByRole('link', { name: 'Back to the deals' }).click()

    await page.goto(demo(baseURL, `/deals?q=${demoData.stamp}`))
    for (const name of names) await page.getByLabel(`Select ${name}`).check()
    await bulkForm(page).getByLabel('Change').selectOption({ label: 'Reassign to…' })
    await bulkForm(page).getByLabel('New owner (reassign)').selectOption({ label: 'Rita Rep' })
    await bulkForm(page).getByRole('button', { name: 'Review the change' }).click()
    await expect(page.getByText('Reassign 2 deals to Rita Rep.')).toBeVisible()
    await expectNoSidewaysScroll(page)
    await page.getByRole('button', { name: 'Confirm' }).click()

    await expect(page).toHaveURL(/\/deals\?q=[^&]+$/)
    await expect(page.getByText('2 deals reassigned.')).toBeVisible()
    for (const name of names) {
      const row = page.getByRole('row').filter({ hasText: name })
      await expect(row).toContainText('Rita Rep')
    }
    await expectNoSidewaysScroll(page)
  })
})

test('a rep may not reassign, and deletes a ticked deal of their own after confirming', async ({
  page,
  baseURL,
  demoData,
  checkA11y,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await logIn(page, baseURL, 'rep@demo.aura.test')
  const name = demoData.name('Bulk delete')
  await createDeal(page, baseURL, { name })
  await page.goto(demo(baseURL, `/deals?q=${demoData.stamp}`))
  const action = bulkForm(page).getByLabel('Change')
  await expect(action.locator('option', { hasText: 'Reassign' })).toHaveCount(0)
  await expect(bulkForm(page).getByLabel('New owner (reassign)')).toHaveCount(0)

  await page.getByLabel(`Select ${name}`).check()
  await action.selectOption({ label: 'Delete' })
  await bulkForm(page).getByRole('button', { name: 'Review the change' }).click()
  await expect(page.getByText('Delete 1 deal.', { exact: false })).toBeVisible()
  await checkA11y('bulk review')
  // Cancel goes back to the same list with nothing changed.
  await page.getByRole('link', { name: 'Cancel' }).click()
  await expect(page.getByRole('link', { name })).toBeVisible()

  await page.getByLabel(`Select ${name}`).check()
  await bulkForm(page).getByLabel('Change').selectOption({ label: 'Delete' })
  await bulkForm(page).getByRole('button', { name: 'Review the change' }).click()
  await page.getByRole('button', { name: 'Confirm' }).click()
  await expect(page.getByText('1 deal deleted.')).toBeVisible()
  await expect(page.getByRole('link', { name })).toHaveCount(0)
  await checkA11y('deals list after a bulk change')
})
