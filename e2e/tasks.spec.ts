// Next steps (issue 14, ADR 0168): a rep plans one on their deal, finds it in My day on the dashboard,
// reschedules it (overdue turns red) and marks it done; a manager hands a rep a step; the board and the
// deals list flag an open deal with none. At 320 px with and without JavaScript and at 1280 px with it.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { card, createDeal, demo, inEachLayout, logIn, noSidewaysScroll } from './sales-helpers.ts'

const nextSteps = (page: Page) => page.getByRole('region', { name: 'Next steps' })
const myDay = (page: Page) => page.getByRole('region', { name: 'My day' })

async function plan(page: Page, subject: string, assignee?: string) {
  const steps = nextSteps(page)
  if (!(await steps.getByLabel('What to do').isVisible())) await steps.getByText('Plan a next step').click()
  await steps.getByLabel('What to do').fill(subject)
  await steps.getByLabel('Type').selectOption('email')
  if (assignee) await steps.getByLabel('For').selectOption({ label: assignee })
  await steps.getByRole('button', { name: 'Plan' }).click()
  await expect(page.getByTestId('flash')).toHaveText('Next step planned.')
}

inEachLayout(
  ({ js }) => {
    test('a rep plans a next step, meets it in My day, reschedules it and marks it done', async ({
      page,
      baseURL,
      demoData,
      checkA11y,
    }) => {
      await logIn(page, baseURL, 'rep@demo.aura.test')
      const name = demoData.name('Next-step deal')
      const id = await createDeal(page, baseURL, { name })
      await expect(nextSteps(page).getByTestId('no-next-step')).toHaveText(
        'No next step: plan one so this deal does not stall.',
      )
      const subject = demoData.name('Send the revised quote')
      await plan(page, subject)
      await expect(nextSteps(page).getByRole('listitem')).toContainText(`Email: ${subject}`)
      await expect(nextSteps(page).getByTestId('no-next-step')).toHaveCount(0)
      await noSidewaysScroll(page)

      await page.goto(demo(baseURL, '/dashboard'))
      const item = myDay(page).getByRole('listitem').filter({ hasText: subject })
      await expect(item).toContainText('Due ')
      await expect(item.getByRole('link', { name })).toHaveAttribute('href', `/deals/${id}`)
      await noSidewaysScroll(page)
      if (js) await checkA11y('dashboard with My day')

      // Due an hour ago (the reader's wall clock): now overdue, on top, in red.
      await item.getByText('Reschedule').click()
      const past = await item.locator('input[type="datetime-local"]').evaluate((el: HTMLInputElement) => {
        const d = new Date(Date.now() - 3_600_000)
        const pad = (n: number) => String(n).padStart(2, '0')
        el.value = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
        return el.value
      })
      expect(past).toMatch(/T\d\d:\d\d$/)
      await item.getByRole('button', { name: 'Save' }).click()
      await expect(page.getByTestId('flash')).toHaveText('Rescheduled.')
      const overdue = myDay(page).getByRole('listitem').filter({ hasText: subject })
      await expect(overdue).toContainText('Overdue · ')
      await expect(myDay(page).getByRole('heading', { name: /^Overdue/ })).toBeVisible()

      await overdue.getByRole('button', { name: `Done: ${subject}` }).click()
      await expect(page.getByTestId('flash')).toHaveText(`Done: ${subject}.`)
      await expect(myDay(page).getByRole('listitem').filter({ hasText: subject })).toHaveCount(0)
      await page.goto(demo(baseURL, `/deals/${id}`))
      await expect(nextSteps(page).getByTestId('no-next-step')).toHaveText(
        'No next step: plan one so this deal does not stall.',
      )
    })
  },
  { phoneWithJavaScript: true },
)

test.describe('1280 px, JavaScript on', () => {
  test.use({ viewport: { width: 1280, height: 800 } })

  test('a manager hands the rep a step on the rep’s deal; the board and the list flag deals without one', async ({
    page,
    browser,
    baseURL,
    demoData,
    checkA11y,
  }) => {
    await logIn(page, baseURL, 'rep@demo.aura.test')
    const planned = await createDeal(page, baseURL, { name: demoData.name('Handed deal') })
    const bare = await createDeal(page, baseURL, { name: demoData.name('Bare deal') })
    await checkA11y('deal page without a next step')

    const manager = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await logIn(manager, baseURL, 'manager@demo.aura.test')
    await manager.goto(demo(baseURL, `/deals/${planned}`))
    const subject = demoData.name('Book the demo')
    await plan(manager, subject, 'Rita Rep')
    await expect(nextSteps(manager).getByRole('listitem')).toContainText('Rita Rep')
    await manager.close()

    await page.goto(demo(baseURL, '/dashboard'))
    await expect(myDay(page).getByRole('listitem').filter({ hasText: subject })).toBeVisible()

    await page.goto(demo(baseURL, '/board'))
    await expect(card(page, planned)).toContainText(/next \w{3} \d{1,2}/)
    await expect(card(page, bare)).toContainText('no next step')

    await page.goto(demo(baseURL, `/deals?q=${demoData.stamp}`))
    const rows = page.getByRole('row')
    await expect(rows.filter({ hasText: 'Bare deal' })).toContainText('No next step')
    await expect(rows.filter({ hasText: 'Handed deal' })).toContainText('Next step ')
  })
})
