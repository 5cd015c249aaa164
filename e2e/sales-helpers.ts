// Helpers for the sales journeys: log in on the demo workspace and make this test's own deals through
// the "New deal" form (plain HTML, so it works with JavaScript on or off), so specs never share data.
import { expect, type Page } from '@playwright/test'
import { test, workspaceUrl } from './fixtures.ts'

export const demo = (baseURL: string | undefined, path: string) => workspaceUrl(baseURL, 'demo', path)

export async function logIn(page: Page, baseURL: string | undefined, email: string) {
  await page.goto(demo(baseURL, '/login'))
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill('demo-password-123')
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page).toHaveURL(/\/dashboard$/)
}

/** The page does not scroll sideways (issue 13: layout is behaviour, at 320 px too). */
export async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow, 'no sideways scroll').toBeLessThanOrEqual(0)
}

/** The board, switched to `process` through the process switcher. */
export async function openBoardOf(page: Page, baseURL: string | undefined, process: string) {
  await page.goto(demo(baseURL, '/board'))
  await page.getByRole('navigation', { name: 'Sales processes' }).getByRole('link', { name: process }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Board: ${process}`)
}

/** On "New deal", starts the deal in the first stage of `process` (options read "Process · Stage"). */
export async function startIn(page: Page, process: string) {
  const select = page.getByLabel('Process and stage')
  const first = select.locator('option', { hasText: `${process} · ` }).first()
  await select.selectOption((await first.getAttribute('value')) ?? '')
}

/** Creates a deal with the form and returns its id (from the deal page's URL). */
export async function createDeal(
  page: Page,
  baseURL: string | undefined,
  deal: { name: string; amount?: string; process?: string },
): Promise<string> {
  await page.goto(demo(baseURL, '/deals/new'))
  await page.getByLabel('Name').fill(deal.name)
  await page.getByLabel('Amount').fill(deal.amount ?? '1000.00')
  if (deal.process) await startIn(page, deal.process)
  await page.getByRole('button', { name: 'Create deal' }).click()
  await expect(page).toHaveURL(/\/deals\/[0-9a-f-]{36}$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(deal.name)
  return new URL(page.url()).pathname.split('/').at(-1) ?? ''
}

/** A board column (a region named by its stage heading). */
export const column = (page: Page, stage: string) => page.getByRole('region', { name: stage, exact: true })
export const card = (page: Page, id: string) => page.locator(`li[data-deal-id="${id}"]`)

/**
 * The ways a journey is walked (issue 13): a 320 px phone without JavaScript and a 1280 px laptop with it
 * (and on request a 320 px phone with it). Declares the tests `body` declares once per way, each in a
 * describe named after it.
 */
export function inEachLayout(
  body: (way: { js: boolean; width: number }) => void,
  /** Also a 320 px phone with JavaScript on (issue 14 asks its pages at 320 px both ways). */
  { phoneWithJavaScript = false } = {},
) {
  const ways = [
    { label: '320 px, JavaScript off', width: 320, js: false },
    ...(phoneWithJavaScript ? [{ label: '320 px, JavaScript on', width: 320, js: true }] : []),
    { label: '1280 px, JavaScript on', width: 1280, js: true },
  ]
  for (const way of ways) {
    test.describe(way.label, () => {
      test.use({
        javaScriptEnabled: way.js,
        viewport: { width: way.width, height: way.width === 320 ? 640 : 800 },
      })
      body(way)
    })
  }
}
