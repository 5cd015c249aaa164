// Shared Playwright fixtures. Every spec imports `test` and `expect` from here, so each page a journey
// visits can be checked with `await checkA11y()` (WCAG 2.1 A/AA, zero serious or critical violations),
// and a journey that writes into the demo workspace names its records with `demoData.name()`: they are
// removed after the test, passed or failed (demo-data.ts, ADR 0152).
import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page, type TestInfo } from '@playwright/test'
import { type DemoData, removeDemoRecords, stamp } from './demo-data.ts'

export { expect }

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
const BLOCKING = new Set(['serious', 'critical'])

export async function expectAccessible(page: Page, testInfo: TestInfo, name = 'page') {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
  await testInfo.attach(`axe-${name}.json`, {
    body: JSON.stringify(results, null, 2),
    contentType: 'application/json',
  })
  // One readable line per violation, so a failure says what to fix without opening the attachment.
  const blocking = results.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
  expect(blocking, `axe found serious or critical violations on ${name} (${page.url()})`).toEqual([])
}

/** Saves a full-page screenshot into the test's output folder (test-results/, never committed). */
export async function snapshot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true })
}

export const test = base.extend<{
  checkA11y: (name?: string) => Promise<void>
  shot: (name: string) => Promise<void>
  demoData: DemoData
}>({
  // Its own timeout: the cleanup after the test does not eat into the journey's 30 s.
  demoData: [
    async ({ playwright, baseURL }, use) => {
      const s = stamp()
      let used = false
      await use({
        get stamp() {
          used = true
          return s
        },
        name: (prefix) => {
          used = true
          return `${prefix} ${s}`
        },
      })
      if (used) await removeDemoRecords(playwright, baseURL, s)
    },
    { timeout: 30_000 },
  ],
  checkA11y: async ({ page }, use, testInfo) => {
    await use((name) => expectAccessible(page, testInfo, name))
  },
  shot: async ({ page }, use, testInfo) => {
    await use((name) => snapshot(page, testInfo, name))
  },
})

/** A workspace's origin on the server under test, e.g. `http://acme.localhost:3100`. */
export function workspaceUrl(baseURL: string | undefined, slug: string, path = '/') {
  const url = new URL(path, baseURL ?? 'http://localhost:3100')
  url.hostname = `${slug}.${url.hostname}`
  return url.toString()
}
