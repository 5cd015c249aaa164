// Bulk change of contacts from the list (issue 13, ADR 0158), as for deals: tick rows, press what to do,
// choose the new owner on the next page, review a sentence saying exactly what will change, confirm; back on the list a message says what was
// done. Plain HTML, so the same steps run at 320 px without JavaScript and at 1280 px with it; a rep is
// never offered reassign. Each test makes its own contacts (removed after it).
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { demo, logIn, noSidewaysScroll } from './sales-helpers.ts'

async function createContact(page: Page, baseURL: string | undefined, firstName: string) {
  await page.goto(demo(baseURL, '/contacts/new'))
  await page.getByLabel('First name').fill(firstName)
  await page.getByRole('button', { name: 'Create contact' }).click()
  await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}$/)
}

const bulkForm = (page: Page) => page.getByRole('form', { name: 'Change several contacts' })

for (const setup of [
  { name: 'JavaScript off, 320 px', javaScriptEnabled: false, viewport: { width: 320, height: 640 } },
  { name: 'JavaScript on, 1280 px', javaScriptEnabled: true, viewport: { width: 1280, height: 800 } },
]) {
  test.describe(setup.name, () => {
    test.use({ javaScriptEnabled: setup.javaScriptEnabled, viewport: setup.viewport })

    test('a manager reassigns two ticked contacts to a rep after reviewing the change', async ({
      page,
      baseURL,
      demoData,
    }) => {
      await logIn(page, baseURL, 'manager@demo.aura.test')
      const names = [demoData.name('Bulkc A'), demoData.name('Bulkc B')]
      for (const name of names) await createContact(page, baseURL, name)
      await page.goto(demo(baseURL, `/contacts?q=${demoData.stamp}`))
      await noSidewaysScroll(page)

      for (const name of names) await page.getByLabel(`Select ${name}`).check()
      await bulkForm(page).getByRole('button', { name: 'Reassign…' }).click()
      await page.getByLabel('Reassign the 2 ticked contacts to').selectOption({ label: 'Rita Rep' })
      await page.getByRole('button', { name: 'Review the change' }).click()
      await expect(page.getByText('Reassign 2 contacts to Rita Rep.')).toBeVisible()
      await noSidewaysScroll(page)
      await page.getByRole('button', { name: 'Confirm' }).click()

      await expect(page).toHaveURL(/\/contacts\?q=[^&]+$/)
      await expect(page.getByText('2 contacts reassigned.')).toBeVisible()
      for (const name of names) {
        const row = page.getByRole('row').filter({ hasText: name })
        await expect(row).toContainText('Rita Rep')
      }
      await noSidewaysScroll(page)
    })

    test('a rep’s bulk form never offers reassign', async ({ page, baseURL, demoData }) => {
      await logIn(page, baseURL, 'rep@demo.aura.test')
      const name = demoData.name('Bulkc rep')
      await createContact(page, baseURL, name)
      await page.goto(demo(baseURL, `/contacts?q=${demoData.stamp}`))
      await expect(page.getByLabel(`Select ${name}`)).toBeVisible()
      await expect(bulkForm(page).getByRole('button', { name: 'Reassign…' })).toHaveCount(0)
      await expect(bulkForm(page).getByRole('button', { name: 'Delete…' })).toBeVisible()
      await noSidewaysScroll(page)
    })
  })
}
