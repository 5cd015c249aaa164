// Issue 13: the API reference is Swagger UI served from our own build under the pages' CSP (ADR 0162).
// It renders the document the API serves, fits a 320 px phone with an operation open, passes axe, and
// without JavaScript still lists the operations with a link to the document. (axe needs JavaScript, so
// the no-JavaScript page is checked for content and width only.)
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

const PHONE = { width: 320, height: 640 }
const DEALS_LIST = 'Deals you can see'

const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth)

test('served as HTML under the pages’ CSP; its script and styles come from this origin', async ({
  request,
  baseURL,
}) => {
  const res = await request.get(new URL('/api-reference', baseURL).toString())
  expect(res.status()).toBe(200)
  expect(res.headers()['content-type']).toBe('text/html; charset=utf-8')
  const csp = res.headers()['content-security-policy'] ?? ''
  const directive = (name: string) =>
    csp
      .split(';')
      .find((d) => d.trim().startsWith(`${name} `))
      ?.trim()
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1]
  expect(directive('script-src')).toBe(`script-src 'self' 'nonce-${nonce}'`)
  expect(directive('style-src')).toBe("style-src 'self'")
  expect(directive('connect-src')).toBe("connect-src 'self'")
  expect(csp).toContain("frame-ancestors 'none'")
  expect(csp).not.toContain('unsafe-eval')

  const html = await res.text()
  const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]?.trim())
  expect(scripts).toHaveLength(2)
  const src = /^src="(\/assets\/swagger-ui-bundle-[\w-]+\.js)"$/.exec(scripts[0] ?? '')?.[1]
  expect(src, 'the Swagger UI bundle, by a path on this origin').toBeDefined()
  expect(scripts[1]).toBe(`nonce="${nonce}"`)
  const styles = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1])
  expect(styles).toEqual([expect.stringMatching(/^\/assets\//), expect.stringMatching(/^\/assets\//)])

  const script = await request.get(new URL(src ?? '', baseURL).toString())
  expect(script.status()).toBe(200)
  expect(script.headers()['content-type']).toMatch(/^text\/javascript/)
  expect(script.headers()['cache-control']).toContain('immutable')
  expect(script.headers()['x-content-type-options']).toBe('nosniff')

  // The old address answers with a redirect from the API (on Workers too).
  const old = await request.get(new URL('/api/docs', baseURL).toString(), { maxRedirects: 0 })
  expect(old.status()).toBe(302)
  expect(old.headers().location).toBe('/api-reference')
})

test.describe('on a 320 px phone', () => {
  test.use({ viewport: PHONE })

  test('renders the document’s operations, fits, opens one, passes axe', async ({
    page,
    baseURL,
    checkA11y,
    shot,
  }) => {
    // axe over Swagger UI's whole page (83 operations) takes 20-40 s on a busy 2-core runner: one scan,
    // with the deals list open, covers the closed operations and an open one.
    test.setTimeout(120_000)
    const violations: string[] = []
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text())
    })
    const origins = new Set<string>()
    page.on('request', (r) => origins.add(new URL(r.url()).origin))
    await page.goto(new URL('/api/docs', baseURL).toString())
    await expect(page).toHaveURL(/\/api-reference$/)

    const dealsList = page.locator('#reference .opblock-get', { has: page.locator('[data-path="/deals"]') })
    await expect(dealsList.getByText(DEALS_LIST)).toBeVisible()
    await expect(page.locator('#fallback')).toBeHidden()
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width)

    await dealsList.locator('.opblock-summary-control').click()
    await expect(dealsList.getByRole('heading', { name: 'Parameters' })).toBeVisible()
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width)
    await shot('api-reference-320')
    await checkA11y('api-reference')

    expect(violations).toEqual([])
    expect([...origins]).toEqual([new URL(baseURL ?? '').origin])
  })

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false })

    test('lists the operations and links the document', async ({ page, baseURL, shot }) => {
      await page.goto(new URL('/api-reference', baseURL).toString())
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aura CRM API')
      await expect(page.getByRole('main').getByRole('link', { name: '/api/v1/openapi.json' })).toBeVisible()
      await expect(page.getByRole('heading', { level: 2, name: 'Deals' })).toBeVisible()
      await expect(page.getByRole('listitem').filter({ hasText: DEALS_LIST })).toContainText('GET /deals')
      // The description's Markdown code spans are code, not backticks.
      await expect(page.locator('#fallback p').first()).not.toContainText('`')
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width)
      await shot('api-reference-320-nojs')
    })
  })
})
