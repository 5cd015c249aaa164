// The board with JavaScript (public/board.js on a static page, ADR 0166), beyond the journey's drag and
// keyboard move: the card moves before the server answers (dimmed, "Moving…"), the column headers then
// show the server's counts and totals, a refused move puts the card back with the reason, Cancel gives
// focus back to Move…, and "Show more" appends a column's next page in place.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { card, column, createDeal, demo, logIn, openBoardOf } from './sales-helpers.ts'

/** Every column's header (name, count · total) as the page shows it. */
const headers = (page: Page) =>
  page.locator('section[data-stage-id] > header').evaluateAll((hs) => hs.map((h) => h.textContent?.trim()))

/** The same headers as the server renders the board's URL now (a fresh request, nothing of this page). */
const serverHeaders = (page: Page) =>
  page.evaluate(async () => {
    const html = await (await fetch(location.href)).text()
    const fresh = new DOMParser().parseFromString(html, 'text/html')
    return [...fresh.querySelectorAll('section[data-stage-id] > header')].map((h) => h.textContent?.trim())
  })

/** Marks the document, so a later check proves no page load came between (a reload keeps the URL). */
const mark = (page: Page) => page.evaluate(() => document.body.setAttribute('data-same-page', ''))
const samePage = (page: Page) => page.evaluate(() => document.body.hasAttribute('data-same-page'))

test('a dragged card moves at once, then the headers show the server’s counts and totals', async ({
  page,
  baseURL,
  demoData,
}) => {
  await logIn(page, baseURL, 'manager@demo.aura.test')
  const name = demoData.name('Drag count deal')
  const dealId = await createDeal(page, baseURL, { name, amount: '1234.56' })
  await page.goto(demo(baseURL, '/board'))
  await expect(page.locator('[data-board]')).toHaveAttribute('data-draggable-cards', '') // board.js ran
  // A static page: board.js and enhance.js, no React (no module scripts, no router in the window).
  const scripts = await page.locator('script[src]').evaluateAll((ss) => ss.map((s) => s.getAttribute('src')))
  expect(scripts.sort()).toEqual(['/board.js', '/enhance.js'])
  await expect(page.locator('script[type="module"], link[rel="modulepreload"]')).toHaveCount(0)
  expect(await page.evaluate(() => '__remixRouter' in window)).toBe(false)

  // Hold the move's answer, to see the card on its way.
  let release = () => {}
  const held = new Promise<void>((resolve) => {
    release = resolve
  })
  await page.route('**/resources/board-move', async (route) => {
    await held
    await route.continue()
  })
  const before = await headers(page)
  await mark(page)
  await card(page, dealId).dragTo(column(page, 'Qualified'))
  await expect(column(page, 'Qualified').locator(card(page, dealId))).toHaveAttribute('aria-busy', 'true')
  await expect(page.getByRole('status')).toHaveText(`Moving ${name} to Qualified…`)
  release()
  await expect(page.getByRole('status')).toHaveText(`Moved ${name} to Qualified.`)
  await expect(card(page, dealId)).not.toHaveAttribute('aria-busy')

  // The headers are the server's as of the move (its counts and totals, never a float sum here), with no
  // page load between: other specs move deals on this board too, so they are compared with a fresh
  // render rather than with numbers worked out here.
  await expect.poll(() => headers(page)).not.toEqual(before)
  expect(await headers(page)).toEqual(await serverHeaders(page))
  expect(await samePage(page)).toBe(true)
})

test('a refused move goes back with the reason; Cancel gives focus back to Move…', async ({
  page,
  baseURL,
  checkA11y,
  demoData,
}) => {
  await logIn(page, baseURL, 'rep@demo.aura.test')
  const name = demoData.name('JS renewal')
  const dealId = await createDeal(page, baseURL, { name, process: 'Renewals' })
  await openBoardOf(page, baseURL, 'Renewals')
  const home = page.locator('section[data-stage-id]').filter({ has: card(page, dealId) })
  const homeName = (await home.locator('h2').textContent()) ?? ''
  await mark(page)

  const open = page.getByRole('link', { name: `Move ${name}…` })
  await open.click()
  await expect(page.getByLabel(`Stage for ${name}`)).toBeFocused()
  await page.getByRole('link', { name: 'Cancel' }).click()
  await expect(page.getByLabel(`Stage for ${name}`)).toHaveCount(0)
  await expect(open).toBeFocused()

  await open.press('Enter')
  await page.getByLabel(`Stage for ${name}`).selectOption({ label: 'Quote sent' })
  await page.getByRole('button', { name: `Move ${name}` }).press('Enter')
  await expect(page.getByRole('status')).toHaveText(new RegExp(`^${name} was not moved: .+\\.$`))
  await expect(column(page, homeName).locator(card(page, dealId))).toBeVisible()
  const alert = card(page, dealId).getByRole('alert')
  await expect(alert).toContainText('fill in Close date')
  await expect(alert.getByRole('link', { name: 'on the deal page' })).toHaveAttribute(
    'href',
    `/deals/${dealId}`,
  )
  await expect(page.getByRole('link', { name, exact: true })).toBeFocused()
  expect(await samePage(page)).toBe(true) // all in place: no page load
  await checkA11y('board-move-refused')
})

test('"Show more" appends the column’s next page in place', async ({ page, baseURL, demoData }) => {
  test.slow() // nine deals through the form first
  await logIn(page, baseURL, 'rep@demo.aura.test')
  const prefix = demoData.name('JS page')
  const ids: string[] = []
  // One more than a column's first page (8), newest last: the oldest of them starts the next page.
  for (let i = 0; i < 9; i++) ids.push(await createDeal(page, baseURL, { name: `${prefix} ${i}` }))
  const [oldest, newest] = [ids[0] ?? '', ids[8] ?? '']
  await page.goto(demo(baseURL, '/board'))
  const prospect = column(page, 'Prospect')
  await expect(prospect.locator('li[data-deal-id]')).toHaveCount(8)
  await expect(card(page, oldest)).toHaveCount(0)
  await mark(page)
  await prospect.getByRole('link', { name: 'Show more in Prospect' }).click()
  await expect(prospect.locator(card(page, oldest))).toBeVisible()
  await expect(prospect.locator(card(page, newest))).toBeVisible() // appended, not a page of its own
  expect(await samePage(page)).toBe(true)
  expect(await prospect.locator('li[data-deal-id]').count()).toBeGreaterThan(8)
  // An appended card works like the first ones: it moves from its Move… form.
  await page.getByRole('link', { name: `Move ${prefix} 0…` }).click()
  await page.getByLabel(`Stage for ${prefix} 0`).selectOption({ label: 'Negotiation' })
  await page.getByRole('button', { name: `Move ${prefix} 0` }).click()
  await expect(column(page, 'Negotiation').locator(card(page, oldest))).toBeVisible()
  await expect(page.getByRole('status')).toHaveText(`Moved ${prefix} 0 to Negotiation.`)
})
