// Saved views of the deals list (issue 13): a rep saves what they filtered under a name, finds it as a
// chip above the list, opens it with one tap, renames and deletes it — with and without JavaScript, at
// 320 px and 1280 px. A view is theirs alone: a manager of the same workspace never sees it.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { demo, inEachLayout, logIn, noSidewaysScroll } from './sales-helpers.ts'

const views = (page: Page) => page.getByRole('region', { name: 'Saved views' })

async function saveOpenDealsByAmount(page: Page, baseURL: string | undefined, name: string) {
  await page.goto(demo(baseURL, '/deals'))
  await page.getByText('Filters', { exact: true }).click()
  await page.getByLabel('Status').selectOption('open')
  await page.getByLabel('Sort by').selectOption('amount')
  await page.getByRole('button', { name: 'Apply filters' }).click()
  await expect(page).toHaveURL(/status=open/)
  await views(page).getByText('Save these filters as a view').click()
  await page.getByLabel('View name').fill(name)
  await page.getByRole('button', { name: 'Save view' }).click()
  await expect(page.getByTestId('flash')).toHaveText(`View “${name}” saved.`)
  await expect(views(page).getByRole('link', { name })).toHaveAttribute('aria-current', 'page')
}

inEachLayout(() => {
  test('save the filters shown as a view, open it from All deals, rename and delete it', async ({
    page,
    baseURL,
    demoData,
  }) => {
    const name = demoData.name('Open by amount')
    await logIn(page, baseURL, 'rep@demo.aura.test')
    await saveOpenDealsByAmount(page, baseURL, name)
    await noSidewaysScroll(page)

    await views(page).getByRole('link', { name: 'All deals' }).click()
    await expect(page).toHaveURL(/\/deals$/)
    await expect(views(page).getByRole('link', { name: 'All deals' })).toHaveAttribute('aria-current', 'page')
    await views(page).getByRole('link', { name }).click()
    await expect(page).toHaveURL(/status=open&sort=amount/)
    await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('Status: open')
    await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('Sorted by amount')

    const renamed = `${name} (renamed)`
    await views(page).getByText(`Rename or delete “${name}”`).click()
    await page.getByLabel('New name').fill(renamed)
    await page.getByRole('button', { name: 'Rename' }).click()
    await expect(page.getByTestId('flash')).toHaveText(`View renamed to “${renamed}”.`)
    await expect(views(page).getByRole('link', { name: renamed })).toHaveAttribute('aria-current', 'page')

    await views(page).getByText(`Rename or delete “${renamed}”`).click()
    await page.getByRole('button', { name: 'Delete this view' }).click()
    await expect(page.getByTestId('flash')).toHaveText('View deleted.')
    await expect(views(page).getByRole('link', { name: renamed })).toHaveCount(0)
    // The list is still the one the view showed: deleting a view changes no deal and no filter.
    await expect(page).toHaveURL(/status=open&sort=amount/)
  })
})

test('a view is private: the same name twice is refused, and a manager never sees a rep’s view', async ({
  page,
  baseURL,
  demoData,
  checkA11y,
}) => {
  const name = demoData.name('Mine only')
  await logIn(page, baseURL, 'rep@demo.aura.test')
  await saveOpenDealsByAmount(page, baseURL, name)
  await views(page).getByRole('link', { name: 'All deals' }).click()
  await page.goto(demo(baseURL, '/deals?status=won'))
  await views(page).getByText('Save these filters as a view').click()
  await page.getByLabel('View name').fill(name.toUpperCase())
  await page.getByRole('button', { name: 'Save view' }).click()
  await expect(page.getByText('Already one of your views')).toBeVisible()
  await expect(page.getByLabel('View name')).toHaveValue(name.toUpperCase())
  await checkA11y('saved-views-refused')

  await page.context().clearCookies()
  await logIn(page, baseURL, 'manager@demo.aura.test')
  await page.goto(demo(baseURL, '/deals'))
  await expect(views(page).getByRole('link', { name: 'All deals' })).toBeVisible()
  await expect(views(page).getByRole('link', { name })).toHaveCount(0)
})
