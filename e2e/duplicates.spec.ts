// Duplicates and merge (issue 15, ADR 0172): a rep enters the same person twice (one Gmail address written
// two ways), finds the pair on the Duplicates page with its reason, merges it choosing the phone of the
// second record, sees the confirmation with Undo, finds the kept contact with the chosen values, and undoes
// the merge. At 320 px without JavaScript and at 1280 px with it, no sideways scroll, no axe violation.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { demo, inEachLayout, logIn, noSidewaysScroll } from './sales-helpers.ts'

async function newContact(page: Page, baseURL: string | undefined, fields: Record<string, string>) {
  await page.goto(demo(baseURL, '/contacts/new'))
  for (const [label, value] of Object.entries(fields))
    await page.getByRole('textbox', { name: label, exact: true }).fill(value)
  await page.getByRole('button', { name: 'Create contact' }).click()
  await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}$/)
  return page.url()
}

inEachLayout(({ js, width }) => {
  test('a rep finds a duplicate pair, merges it choosing values, and can undo it', async ({
    page,
    baseURL,
    demoData,
    checkA11y,
  }) => {
    const s = demoData.stamp
    await logIn(page, baseURL, 'rep@demo.aura.test')
    const kept = await newContact(page, baseURL, {
      'First name': 'Dana',
      'Last name': `Dup ${s}`,
      Email: `0.dana.${s}@gmail.com`,
    })
    await newContact(page, baseURL, {
      'First name': 'Dana',
      'Last name': `Dupe ${s}`,
      Email: `0dana${s}+crm@googlemail.com`,
      Phone: '+1 555 0100',
    })

    if (width < 640) await page.getByText('Menu', { exact: true }).click()
    await page.getByRole('link', { name: 'Duplicates', exact: true }).filter({ visible: true }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Duplicates')
    const group = page
      .getByRole('listitem')
      .filter({ hasText: `Dup ${s}` })
      .filter({ hasText: 'Same e-mail' })
    await expect(group.getByRole('link', { name: `Dana Dupe ${s}` })).toBeVisible()
    await noSidewaysScroll(page)
    if (js) await checkA11y('duplicates')
    await group.getByRole('link', { name: /Review and merge/ }).click()

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Merge contacts')
    // Keep the first contact entered (the page keeps the first of the pair; "Keep … instead" swaps them),
    // and take the second one's e-mail and phone.
    const choice = (group: string, value: string | RegExp) =>
      page.getByRole('group', { name: group }).getByRole('radio', { name: value })
    const swap = page.getByRole('link', { name: `Keep Dana Dup ${s} instead` })
    if (await swap.isVisible()) await swap.click()
    await expect(page.getByText(`You keep Dana Dup ${s};`)).toBeVisible()
    await expect(choice('Last name', new RegExp(`Dup ${s}$`))).toBeChecked()
    // A value only one record has is proposed from it: the phone.
    await expect(choice('Phone', /\+1 555 0100/)).toBeChecked()
    await choice('E-mail', new RegExp(`0dana${s}`)).check()
    await noSidewaysScroll(page)
    if (js) await checkA11y('merge')
    await page.getByRole('button', { name: 'Merge' }).click()

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Merged')
    await expect(page.getByRole('status')).toContainText(`Two contacts are now one: Dana Dup ${s}`)
    await expect(page.getByText(/You can undo this merge until/)).toBeVisible()
    await noSidewaysScroll(page)
    if (js) await checkA11y('merged')
    const confirmation = page.url()

    await page.goto(kept)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Dana Dup ${s}`)
    await expect(page.getByText(`0dana${s}+crm@googlemail.com`).first()).toBeVisible()
    await expect(page.getByText('+1 555 0100').first()).toBeVisible()

    await page.goto(confirmation)
    await page.getByRole('button', { name: 'Undo merge' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Merge undone')
    await expect(page.getByRole('button', { name: 'Undo merge' })).toHaveCount(0)
    await page.getByRole('link', { name: 'Open the other contact' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Dana Dupe ${s}`)
    await noSidewaysScroll(page)
  })
})
