// Feedback after every action (issue 13): the page an action lands on says what happened, focus is on that
// sentence, and it is said once — gone after a reload, and (with JavaScript) gone on the next page. Plain
// HTML posts, so the same holds without JavaScript. Each test makes its own deal (removed after it).
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { createDeal, demo, logIn } from './sales-helpers.ts'

const flash = (page: Page) => page.getByTestId('flash')

async function expectSaid(page: Page, sentence: string) {
  await expect(flash(page)).toHaveText(sentence)
  await expect(flash(page)).toBeFocused()
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow, 'no sideways scroll').toBeLessThanOrEqual(0)
}

for (const javaScriptEnabled of [false, true]) {
  test.describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}, 320 px`, () => {
    test.use({ javaScriptEnabled, viewport: { width: 320, height: 640 } })

    test('the deal page confirms create, move, reassign and save, once each', async ({
      page,
      baseURL,
      demoData,
    }) => {
      await logIn(page, baseURL, 'manager@demo.aura.test')
      await createDeal(page, baseURL, { name: demoData.name('Feedback') })
      await expectSaid(page, 'Deal created.')
      await page.reload()
      await expect(flash(page)).toHaveCount(0)

      await page.getByRole('button', { name: /^Qualified/ }).click()
      await expectSaid(page, 'Moved to Qualified.')

      await page.getByText('Change owner').click()
      await page.getByRole('button', { name: 'Rita Rep' }).click()
      await expectSaid(page, 'Owner changed.')

      await page.getByLabel(/^Amount \(/).fill('2500.00')
      await page.getByRole('button', { name: 'Save amount' }).click()
      await expectSaid(page, 'Deal saved.')

      await page.getByRole('link', { name: 'Edit details' }).click()
      await page.getByLabel('Probability').fill('35')
      await page.getByRole('button', { name: 'Save details' }).click()
      await expectSaid(page, 'Deal saved.')

      // Another page: the sentence belonged to the deal page.
      await page.goto(demo(baseURL, '/deals'))
      await expect(flash(page)).toHaveCount(0)
    })
  })
}

test('with JavaScript, following a link after an action leaves the sentence behind', async ({
  page,
  baseURL,
  demoData,
}) => {
  await logIn(page, baseURL, 'manager@demo.aura.test')
  await createDeal(page, baseURL, { name: demoData.name('Feedback nav') })
  await expectSaid(page, 'Deal created.')
  await page.getByRole('link', { name: 'Deals', exact: true }).first().click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deals')
  await expect(flash(page)).toHaveCount(0)
})

test('a forged flash cookie shows nothing', async ({ page, baseURL, context }) => {
  await logIn(page, baseURL, 'rep@demo.aura.test')
  const host = new URL(demo(baseURL, '/')).hostname
  const value = Buffer.from(JSON.stringify({ key: 'Your account is locked: call +1 555 0100' })).toString(
    'base64',
  )
  await context.addCookies([{ name: 'aura_flash', value, domain: host, path: '/' }])
  await page.goto(demo(baseURL, '/dashboard'))
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(flash(page)).toHaveCount(0)
  await expect(page.getByText('Your account is locked')).toHaveCount(0)
})
