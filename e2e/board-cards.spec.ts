// Compact board cards (issue 13, "the daily tool on a phone"): a card is its name, amount, close date and
// owner; the move picker sits behind the card's Move… disclosure. So a laptop sees a column's worth of
// deals at once, a 320 px phone never scrolls sideways, and the disclosure still moves a deal without
// JavaScript (the keyboard and drag paths are walked in journey-2-pipeline.spec.ts and board-moves.spec.ts).
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { card, column, createDeal, demo, logIn } from './sales-helpers.ts'

const LAPTOP = { width: 1280, height: 800 }
const PHONE = { width: 320, height: 640 }

/**
 * The busiest column's cards that lie wholly on the first screen, below the column's header: what a
 * laptop shows without scrolling.
 */
function cardsOnFirstScreen(page: Page) {
  return page.locator('section[data-stage-id]').evaluateAll((columns) => {
    const busiest = columns.reduce((a, b) =>
      b.querySelectorAll('li[data-deal-id]').length > a.querySelectorAll('li[data-deal-id]').length ? b : a,
    )
    const top = busiest.querySelector('header')?.getBoundingClientRect().bottom ?? 0
    return [...busiest.querySelectorAll('li[data-deal-id]')].filter((li) => {
      const box = li.getBoundingClientRect()
      return box.top >= top && box.bottom <= window.innerHeight
    }).length
  })
}

test('a 1280×800 laptop shows at least six cards of a full column', async ({
  page,
  baseURL,
  checkA11y,
  shot,
  demoData,
}, testInfo) => {
  test.slow() // a column's first page of deals through the form first
  await page.setViewportSize(LAPTOP)
  await logIn(page, baseURL, 'rep@demo.aura.test')
  const prefix = demoData.name('Cards deal')
  // With the seeded Prospect deal, a full first page (8) in one column whatever else runs alongside.
  const ids: string[] = []
  for (let i = 0; i < 8; i++) ids.push(await createDeal(page, baseURL, { name: `${prefix} ${i}` }))

  await page.goto(demo(baseURL, '/board'))
  await expect(column(page, 'Prospect').locator(card(page, ids[7] ?? ''))).toBeVisible()
  const shown = await cardsOnFirstScreen(page)
  testInfo.annotations.push({ type: 'cards on the first screen', description: String(shown) })
  expect(shown).toBeGreaterThanOrEqual(6)
  await shot('board-laptop')

  // The disclosure open: still one accessible page.
  await page.getByRole('link', { name: `Move ${prefix} 7…` }).click()
  await expect(page.getByLabel(`Stage for ${prefix} 7`)).toBeFocused()
  await checkA11y('board-move-open')
})

test.describe('a 320 px phone without JavaScript', () => {
  test.use({ javaScriptEnabled: false, viewport: PHONE })

  test('the board never scrolls sideways and the Move… disclosure moves a deal', async ({
    page,
    baseURL,
    shot,
    demoData,
  }) => {
    await logIn(page, baseURL, 'rep@demo.aura.test')
    const name = demoData.name('Cards phone')
    const dealId = await createDeal(page, baseURL, { name })

    await page.goto(demo(baseURL, '/board'))
    const width = () => page.evaluate(() => document.documentElement.scrollWidth)
    expect(await width()).toBeLessThanOrEqual(PHONE.width)
    const move = page.getByRole('link', { name: `Move ${name}…` })
    // A tap target on a phone: 44 px at least, each way.
    const box = await move.boundingBox()
    expect(box?.height).toBeGreaterThanOrEqual(44)
    expect(box?.width).toBeGreaterThanOrEqual(44)

    await move.click()
    await expect(page).toHaveURL(/[?&]move=/)
    expect(await width()).toBeLessThanOrEqual(PHONE.width) // the open picker fits too
    await shot('board-phone-move-open')
    await page.getByLabel(`Stage for ${name}`).selectOption({ label: 'Negotiation' })
    await page.getByRole('button', { name: `Move ${name}` }).click()
    await expect(page).toHaveURL(/\/board\?process=/)
    await expect(column(page, 'Negotiation').locator(card(page, dealId))).toBeVisible()
    expect(await width()).toBeLessThanOrEqual(PHONE.width)
  })
})
