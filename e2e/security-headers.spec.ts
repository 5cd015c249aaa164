// Issue 11: pages, the API, the docs and downloads now carry a strict CSP and the other security
// headers; the pages still hydrate or run their scripts (inline scripts and script tags carry the
// response's nonce) with no violation.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { demo, logIn, openBoardOf } from './sales-helpers.ts'

const COMMON = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
}

function expectCommon(headers: Record<string, string>) {
  for (const [name, value] of Object.entries(COMMON)) expect(headers[name], name).toBe(value)
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
}

/** Records every CSP violation: Chromium reports each one on the console ("… violates the following
 * Content Security Policy directive …"). */
function watchViolations(page: Page): string[] {
  const seen: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(m.text())
  })
  return seen
}

test('a page: nonce-only inline scripts, no unsafe-inline, framing refused', async ({ page, baseURL }) => {
  const res = await page.goto(demo(baseURL, '/login'))
  const headers = res?.headers() ?? {}
  expectCommon(headers)
  const csp = headers['content-security-policy'] ?? ''
  const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? ''
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/)
  expect(scriptSrc).not.toContain('unsafe-inline')
  // A fresh nonce per response, and it is the one that response's inline scripts carry.
  const root = new URL('/login', baseURL).toString()
  const [a, b] = [await page.request.get(root), await page.request.get(root)]
  const nonceOf = (csp = '') => /'nonce-([^']+)'/.exec(csp)?.[1]
  expect(nonceOf(a.headers()['content-security-policy'])).not.toBe(
    nonceOf(b.headers()['content-security-policy']),
  )
  const html = await b.text()
  expect(html).toContain(`<script nonce="${nonceOf(b.headers()['content-security-policy'])}"`)
  expect(html).not.toMatch(/<script(?![^>]*nonce=)[^>]*>[^<]/)
})

test('an API answer and the API docs', async ({ request, baseURL }) => {
  const api = await request.get(new URL('/api/v1/health', baseURL).toString())
  expectCommon(api.headers())
  expect(api.headers()['content-security-policy']).toContain("default-src 'none'")
  // The docs are a page now (ADR 0162): the pages' CSP, scripts from this origin or under the nonce.
  const docs = await request.get(new URL('/api-reference', baseURL).toString())
  expectCommon(docs.headers())
  expect(docs.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+';/)
})

test('key pages run their scripts with no CSP violation', async ({ page, baseURL }) => {
  const violations = watchViolations(page)
  await page.goto(demo(baseURL, '/login'))
  await expect.poll(() => page.evaluate(() => '__remixRouter' in window)).toBe(true)
  await logIn(page, baseURL, 'manager@demo.aura.test')
  for (const path of ['/board', '/dashboard', '/organizations', '/settings']) {
    const res = await page.goto(demo(baseURL, path))
    expectCommon(res?.headers() ?? {})
  }
  // The board is static (ADR 0166): its own script, board.js, runs under the nonce (and marks the board).
  await openBoardOf(page, baseURL, 'Renewals')
  await expect(page.locator('[data-board]')).toHaveAttribute('data-draggable-cards', '')
  await page.goto(new URL('/api-reference', baseURL).toString())
  await expect(page.locator('#reference .opblock').first()).toBeVisible()
  expect(violations).toEqual([])
})
