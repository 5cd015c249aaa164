// public/enhance.js, the small script every workspace page carries (pages without app JavaScript rely on
// it for their pending state and list filters), in Chromium on a page of its own, so each behaviour is
// observed directly: a form on its way is busy and cannot be sent twice, and is usable again when the page
// stays (a download: here the answer goes to a frame); a list filter filters, and Enter in it sends nothing.
import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'

const SCRIPT = readFileSync(new URL('../web/public/enhance.js', import.meta.url), 'utf8')
const PAGE = `<!doctype html><html><head><script src="/enhance.js" defer></script></head><body>
<form method="post" action="/save" target="answer"><button name="intent" value="save">Save</button></form>
<iframe name="answer" title="answer"></iframe>
<form method="post" action="/add">
  <div hidden><label for="f">Find a product</label><input id="f" type="search" data-list-filter="choices"></div>
  <ul id="choices">
    <li><button name="productId" value="a">Alpha kiosk</button></li>
    <li><button name="productId" value="b">Beta scanner</button></li>
  </ul>
</form></body></html>`

test('a form on its way is busy, its button disabled (its value still sent); a list filter filters, Enter sends nothing', async ({
  page,
}) => {
  const posts: string[] = []
  await page.route('http://enhance.test/**', async (route) => {
    const request = route.request()
    if (request.url().endsWith('/enhance.js'))
      return route.fulfill({ contentType: 'text/javascript', body: SCRIPT })
    if (request.method() === 'POST') {
      posts.push(request.postData() ?? '')
      return route.fulfill({ contentType: 'text/html', body: '<p>Saved.</p>' })
    }
    return route.fulfill({ contentType: 'text/html', body: PAGE })
  })
  await page.clock.install()
  await page.goto('http://enhance.test/')

  const filter = page.getByLabel('Find a product')
  await expect(filter).toBeVisible() // hidden without JavaScript, revealed by the script
  await filter.fill('scan')
  await expect(page.getByRole('button', { name: 'Alpha kiosk' })).toBeHidden()
  await expect(page.getByRole('button', { name: 'Beta scanner' })).toBeVisible()
  await filter.press('Enter')
  await filter.fill('')
  await expect(page.getByRole('button', { name: 'Alpha kiosk' })).toBeVisible()
  expect(posts, 'Enter in the filter sent nothing').toEqual([])

  const save = page.getByRole('button', { name: 'Save' })
  await save.click()
  await expect(save).toBeDisabled()
  await expect(page.locator('form[action="/save"]')).toHaveAttribute('aria-busy', 'true')
  await expect.poll(() => posts).toEqual(['intent=save'])
  await page.clock.runFor(8_000)
  await expect(save).toBeEnabled()
  await expect(page.locator('form[action="/save"]')).not.toHaveAttribute('aria-busy')
})
