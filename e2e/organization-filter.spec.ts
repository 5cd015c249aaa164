// The deals list's Organization filter is a name typed in a box (issue 13: no select of every organization,
// which held only the first 100). A name that names one organization filters by it at once; several are
// offered as links; none is said. With JavaScript off at 320 px and on at 1280 px.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { demo, inEachLayout, logIn, noSidewaysScroll } from './sales-helpers.ts'

async function filterByOrganization(page: Page, baseURL: string | undefined, typed: string) {
  await page.goto(demo(baseURL, '/deals'))
  await page.getByText('Filters', { exact: true }).click()
  await page.getByLabel('Organization').fill(typed)
  await page.getByRole('button', { name: 'Apply filters' }).click()
}

/** The Organization cell of every row of the list. */
const organizationsShown = (page: Page) =>
  page
    .getByRole('table', { name: 'Deals' })
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => {
        const headers = [...(row.closest('table')?.querySelectorAll('thead th') ?? [])].map((h) =>
          h.textContent?.trim(),
        )
        // The value, without the label a phone's card shows beside it (DataTable's Cell).
        const cell = row.querySelectorAll('th, td')[headers.indexOf('Organization')]
        return (cell?.querySelector(':scope > div') ?? cell)?.textContent?.trim()
      }),
    )

inEachLayout(() => {
  test('a typed name filters by its organization, offers a choice when several match', async ({
    page,
    baseURL,
  }) => {
    await logIn(page, baseURL, 'admin@demo.aura.test')

    await filterByOrganization(page, baseURL, 'globex logistics')
    await expect(page).toHaveURL(/organizationId=[0-9a-f-]{36}/)
    await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('Globex Logistics')
    await expect(page.getByLabel('Organization')).toHaveValue('Globex Logistics')
    expect(new Set(await organizationsShown(page))).toEqual(new Set(['Globex Logistics']))

    // "Acme" names two: a choice, and the list is not filtered meanwhile.
    await filterByOrganization(page, baseURL, 'Acme')
    const choice = page.getByRole('alert').filter({ hasText: 'Several organizations match “Acme”' })
    await expect(choice.getByRole('link')).toHaveText(['Acme Retail', 'Acme Retail Nord'])
    await choice.getByRole('link', { name: 'Acme Retail Nord' }).click()
    await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('Acme Retail Nord')
    expect(new Set(await organizationsShown(page))).toEqual(new Set(['Acme Retail Nord']))

    await filterByOrganization(page, baseURL, 'No such company')
    await expect(page.getByRole('alert')).toContainText('No organization matches “No such company”')

    await noSidewaysScroll(page)
  })
})
