// The inbox (F15, ADR 0169): a manager hands Rita a deal; Rita sees the unread badge, reads the sentence,
// follows it to the deal and marks all read; with "a deal is assigned to me" turned off she is not told of
// the next one. At 320 px with and without JavaScript and at 1280 px with it.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { createDeal, demo, inEachLayout, logIn, noSidewaysScroll } from './sales-helpers.ts'

const inbox = (page: Page) => page.getByRole('link', { name: /^Inbox/ }).filter({ visible: true })

async function handToRita(manager: Page, baseURL: string | undefined, name: string) {
  await createDeal(manager, baseURL, { name })
  await manager.getByText('Change owner').click()
  await manager.getByRole('button', { name: 'Rita Rep' }).click()
  await expect(manager.getByTestId('flash')).toHaveText('Owner changed.')
}

async function chooseAssignedNotice(page: Page, baseURL: string | undefined, on: boolean) {
  await page.goto(demo(baseURL, '/notifications'))
  await page.getByText('Choose what you are told').click()
  await page.getByLabel('A deal is assigned to me', { exact: true }).setChecked(on)
  await page.getByRole('button', { name: 'Save my choices' }).click()
  await expect(page.getByTestId('flash')).toHaveText('Your choices are saved.')
}

inEachLayout(
  ({ js }) => {
    test('a deal handed to Rita reaches her inbox once; turned off, the next one does not', async ({
      page,
      browser,
      baseURL,
      demoData,
      checkA11y,
    }) => {
      await logIn(page, baseURL, 'rep@demo.aura.test')
      await page.goto(demo(baseURL, '/notifications'))
      if (await page.getByRole('button', { name: 'Mark all as read' }).isVisible()) {
        await page.getByRole('button', { name: 'Mark all as read' }).click()
      }
      await expect(inbox(page)).toHaveText('Inbox')

      const manager = await browser.newPage({ javaScriptEnabled: js })
      await logIn(manager, baseURL, 'manager@demo.aura.test')
      const first = demoData.name('Handed over')
      await handToRita(manager, baseURL, first)

      await page.goto(demo(baseURL, '/dashboard'))
      await expect(inbox(page)).toHaveText('Inbox1 unread')
      await inbox(page).click()
      const sentence = `Max Manager made you the owner of “${first}”`
      const item = page.getByRole('listitem').filter({ hasText: sentence })
      await expect(item).toContainText('New:')
      await noSidewaysScroll(page)
      if (js) await checkA11y('inbox')
      await item.getByRole('link', { name: sentence }).click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(first)

      await page.goto(demo(baseURL, '/notifications'))
      await page.getByRole('button', { name: 'Mark all as read' }).click()
      await expect(page.getByTestId('flash')).toHaveText('All marked as read.')
      await expect(page.getByRole('listitem').filter({ hasText: sentence })).not.toContainText('New:')
      await expect(inbox(page)).toHaveText('Inbox')

      await chooseAssignedNotice(page, baseURL, false)
      const second = demoData.name('Quietly handed')
      await handToRita(manager, baseURL, second)
      await manager.close()
      await page.goto(demo(baseURL, '/notifications'))
      await expect(page.getByRole('listitem').filter({ hasText: second })).toHaveCount(0)
      await expect(inbox(page)).toHaveText('Inbox')
      await chooseAssignedNotice(page, baseURL, true)
    })
  },
  { phoneWithJavaScript: true },
)
