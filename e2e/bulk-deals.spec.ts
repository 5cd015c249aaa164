// Bulk change of deals from the list (issue 13): tick rows, press what to do, choose its target (the new
// owner, the stage) on the next page, review a sentence saying exactly what will change, confirm; back on
// the list a message says what was done. Plain HTML (works without JavaScript) and fits a 320 px phone.
// Each test makes its own deals (removed after it).
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { createDeal, demo, logIn, noSidewaysScroll } from './sales-helpers.ts'

const bulkForm = (page: Page) => page.getByRole('form', { name: 'Change several deals' })
const press = (page: Page, action: string) => bulkForm(page).getByRole('button', { name: action }).click()
const review = (page: Page) => page.getByRole('button', { name: 'Review the change' }).click()

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
    await noSidewaysScroll(page)

    // The list carries no select of owners or stages: the next page asks for the one the action needs.
    await expect(bulkForm(page).getByRole('combobox')).toHaveCount(0)

    // Nothing ticked: the bulk page says so before asking anything, and changes nothing.
    await press(page, 'Reassign…')
    await expect(page.getByText('Tick the deals to change first')).toBeVisible()
    await page.getByRole('link', { name: 'Back to the deals' }).click()

    await page.goto(demo(baseURL, `/deals?q=${demoData.stamp}`))
    for (const name of names) await page.getByLabel(`Select ${name}`).check()
    await press(page, 'Reassign…')
    // Reviewing without an owner is refused by the browser (required), so choose one.
    await page.getByLabel('Reassign the 2 ticked deals to').selectOption({ label: 'Rita Rep' })
    await noSidewaysScroll(page)
    await review(page)
    await expect(page.getByText('Reassign 2 deals to Rita Rep.')).toBeVisible()
    await noSidewaysScroll(page)
    await page.getByRole('button', { name: 'Confirm' }).click()

    await expect(page).toHaveURL(/\/deals\?q=[^&]+$/)
    await expect(page.getByText('2 deals reassigned.')).toBeVisible()
    for (const name of names) {
      const row = page.getByRole('row').filter({ hasText: name })
      await expect(row).toContainText('Rita Rep')
    }
    await noSidewaysScroll(page)
  })

  test('a manager moves a ticked deal to a stage of its process, chosen on the next page', async ({
    page,
    baseURL,
    demoData,
  }) => {
    await logIn(page, baseURL, 'manager@demo.aura.test')
    const name = demoData.name('Bulk move')
    await createDeal(page, baseURL, { name })
    await page.goto(demo(baseURL, `/deals?q=${demoData.stamp}`))
    await page.getByLabel(`Select ${name}`).check()
    await press(page, 'Move to stage…')
    const stage = page.getByLabel('Move the ticked deal to')
    // The stages come grouped by process.
    await expect(stage.locator('optgroup')).not.toHaveCount(0)
    await stage.selectOption({ label: 'Qualified' })
    await review(page)
    await expect(page.getByText(/Move 1 deal to Qualified \(.+\)\./)).toBeVisible()
    await page.getByRole('button', { name: 'Confirm' }).click()
    await expect(page.getByText('1 deal moved.')).toBeVisible()
    await expect(page.getByRole('row').filter({ hasText: name })).toContainText('Qualified')
    await noSidewaysScroll(page)
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
  await expect(bulkForm(page).getByRole('button', { name: 'Reassign…' })).toHaveCount(0)
  await expect(bulkForm(page).getByRole('button', { name: 'Move to stage…' })).toBeVisible()

  // A rep may move their own deals; the stage is asked on the next page (checked for accessibility too).
  await page.getByLabel(`Select ${name}`).check()
  await press(page, 'Move to stage…')
  await expect(page.getByLabel('Move the ticked deal to')).toBeVisible()
  await checkA11y('bulk target choice')
  await page.getByRole('link', { name: 'Cancel' }).click()

  await page.getByLabel(`Select ${name}`).check()
  await press(page, 'Delete…')
  await expect(page.getByText('Delete 1 deal.', { exact: false })).toBeVisible()
  await checkA11y('bulk review')
  // Cancel goes back to the same list with nothing changed.
  await page.getByRole('link', { name: 'Cancel' }).click()
  await expect(page.getByRole('link', { name })).toBeVisible()

  await page.getByLabel(`Select ${name}`).check()
  await press(page, 'Delete…')
  await page.getByRole('button', { name: 'Confirm' }).click()
  await expect(page.getByText('1 deal deleted.')).toBeVisible()
  await expect(page.getByRole('link', { name })).toHaveCount(0)
  await checkA11y('deals list after a bulk change')
})
