// Journey 2: a manager switches processes on the board, moves a deal by drag and drop and by keyboard,
// reassigns it on the deal page and reads the pipeline summary on the dashboard. The board is static; its
// drag and drop and Move form in place are public/board.js (more of it in board-moves.spec.ts).
import { expect, test } from './fixtures.ts'
import { card, column, createDeal, demo, logIn } from './sales-helpers.ts'

test('a manager works the pipeline: switch, drag, keyboard move, reassign, summary', async ({
  page,
  baseURL,
  checkA11y,
  shot,
  demoData,
}) => {
  await logIn(page, baseURL, 'manager@demo.aura.test')
  const name = demoData.name('J2 deal')
  const dealId = await createDeal(page, baseURL, { name, amount: '4200.00' })

  await page.goto(demo(baseURL, '/board'))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Board: Sales pipeline')
  await checkA11y('board')
  await shot('board')

  // The process switcher is always there (NFR-U6).
  const switcher = page.getByRole('navigation', { name: 'Sales processes' })
  await switcher.getByRole('link', { name: 'Renewals' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Board: Renewals')
  await expect(column(page, 'Quote sent')).toBeVisible()
  await switcher.getByRole('link', { name: 'Sales pipeline' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Board: Sales pipeline')

  // Drag and drop: Prospect → Qualified, shown at once, then confirmed by the server.
  await expect(column(page, 'Prospect').locator(card(page, dealId))).toBeVisible()
  await card(page, dealId).dragTo(column(page, 'Qualified'))
  await expect(column(page, 'Qualified').locator(card(page, dealId))).toBeVisible()
  await expect(page.getByRole('status')).toHaveText(`Moved ${name} to Qualified.`)
  await shot('board-after-drag')

  // Keyboard: Enter on the card's Move… opens its stage select (focused), the arrow key chooses, Enter
  // on Move moves.
  await page.getByRole('link', { name: `Move ${name}…` }).press('Enter')
  const select = page.getByLabel(`Stage for ${name}`)
  await expect(select).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(select.locator('option:checked')).toHaveText('Proposal')
  await page.getByRole('button', { name: `Move ${name}` }).press('Enter')
  await expect(column(page, 'Proposal').locator(card(page, dealId))).toBeVisible()
  await expect(page.getByRole('status')).toHaveText(`Moved ${name} to Proposal.`)
  await expect(page.getByRole('link', { name, exact: true })).toBeFocused()

  // Reassign on the deal page: Change owner, then the rep (two taps).
  await page.getByRole('link', { name, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
  await expect(page.getByText(/· Proposal · 50%/)).toBeVisible() // the saved stage, as the API has it
  await page.getByText('Change owner').click()
  await checkA11y('deal')
  await page.getByRole('button', { name: 'Sam Seller' }).click()
  await expect(page.getByText('owner Sam Seller')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Changes' })).toBeVisible()
  await expect(page.getByText('Moved from Qualified to Proposal', { exact: true })).toBeVisible()
  await shot('deal-reassigned')

  // The dashboard's pipeline summary counts the deal in Proposal.
  await page.goto(demo(baseURL, '/dashboard'))
  const chart = page.getByRole('table', { name: 'Deals per stage in Sales pipeline' })
  await expect(chart.getByRole('row', { name: /Proposal/ })).toBeVisible()
  await checkA11y('dashboard')
  await shot('dashboard')
})

test('the board fits a 320 px phone: columns scroll inside the board, not the page', async ({
  page,
  baseURL,
}) => {
  await logIn(page, baseURL, 'manager@demo.aura.test')
  await page.setViewportSize({ width: 320, height: 640 })
  await page.goto(demo(baseURL, '/board'))
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  const inner = await page.getByTestId('board-scroll').evaluate((el) => el.scrollWidth > el.clientWidth)
  expect(inner).toBe(true)
})
