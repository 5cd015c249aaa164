// The PRD's daily tasks on a phone in under 3 taps (issue 13): move a deal, update its value, assign a rep,
// add a product — on the deal page at 320 px, with JavaScript on and off. Every click goes through `tap`,
// which counts it; typing is not a tap. The counts are attached to the report (the closing note's figures).
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { createDeal, logIn } from './sales-helpers.ts'

const said = (page: Page, sentence: string) => expect(page.getByTestId('flash')).toHaveText(sentence)

for (const javaScriptEnabled of [false, true]) {
  test.describe(`320 px, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled, viewport: { width: 320, height: 640 } })

    test('move, update value, assign rep and add product take at most 2 taps each', async ({
      page,
      baseURL,
      demoData,
    }, testInfo) => {
      await logIn(page, baseURL, 'manager@demo.aura.test')
      await createDeal(page, baseURL, { name: demoData.name('Taps'), amount: '1000.00' })
      let taps = 0
      const tap = async (target: Locator) => {
        taps++
        await target.click()
      }
      const counted: Record<string, number> = {}
      const task = async (name: string, steps: () => Promise<void>) => {
        taps = 0
        await steps()
        counted[name] = taps
      }

      await task('move deal', async () => {
        await tap(page.getByRole('button', { name: /^Qualified/ }))
        await said(page, 'Moved to Qualified.')
      })
      await task('update value', async () => {
        const amount = page.getByLabel(/^Amount \(/)
        await tap(amount)
        await amount.fill('2500.00')
        await tap(page.getByRole('button', { name: 'Save amount' }))
        await said(page, 'Deal saved.')
        await expect(page.getByLabel(/^Amount \(/)).toHaveValue('2500.00')
      })
      await task('assign rep', async () => {
        await tap(page.getByText('Change owner'))
        await tap(page.getByRole('button', { name: 'Rita Rep' }))
        await said(page, 'Owner changed.')
      })
      await task('add product', async () => {
        await tap(page.getByText('Add a product'))
        await tap(page.getByRole('button', { name: /Barcode scanner/ }))
        await said(page, 'Product added; the amount follows the line items.')
        await expect(page.getByRole('row', { name: /Barcode scanner/ })).toBeVisible()
      })

      testInfo.annotations.push({ type: 'taps', description: JSON.stringify(counted) })
      expect(counted).toEqual({ 'move deal': 1, 'update value': 2, 'assign rep': 2, 'add product': 2 })
    })
  })
}
