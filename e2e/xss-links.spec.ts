// Issue 11, stored XSS: a rep could save an organization website `javascript:…`, and the organization page
// rendered it as a link that ran script in whoever clicked (an admin). The form now refuses it, and a row
// that holds one anyway (put straight into the database, as an old row or another writer might) is shown
// as plain text, never as a link.
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { NodeApi } from '@aura/api/node'
import { schema } from '@aura/db'
import { createOrganization } from '@aura/db/seed/index'
import { serve } from '@hono/node-server'
import type { ServerBuild } from '@remix-run/node'
import { eq } from 'drizzle-orm'
import { createWebServer } from '../web/server/app.ts'
import { bootApi } from '../web/server/boot.ts'
import { expect, test } from './fixtures.ts'
import { demo, logIn } from './sales-helpers.ts'

const HOSTILE = 'javascript:alert(document.domain)'

test('a javascript: website cannot be saved through the form', async ({ page, baseURL }) => {
  await logIn(page, baseURL, 'rep@demo.aura.test')
  await page.goto(demo(baseURL, '/organizations/new'))
  await page.getByLabel('Name').fill(`XSS ${Date.now()}`)
  await page.getByLabel('Website').fill(HOSTILE)
  await page.getByRole('button', { name: /create|save/i }).click()
  await expect(page.getByText(/starting with https:\/\/ or http:\/\//)).toBeVisible()
  await expect(page).toHaveURL(/\/organizations\/new/)
  await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0)
})

test.describe('a javascript: website already in the database', () => {
  // This server's own embedded database, so the test can write the row the API would refuse.
  let api: NodeApi
  let server: Server
  let origin: string
  let orgId: string

  test.beforeAll(async () => {
    api = await bootApi({ DATABASE_URL: 'memory://', LOG_LEVEL: 'error', ROOT_DOMAIN: 'localhost' })
    const build = (await import(
      pathToFileURL(fileURLToPath(new URL('../web/build/server/index.js', import.meta.url))).href
    )) as ServerBuild
    const web = createWebServer({
      api,
      build,
      mode: 'production',
      clientDir: fileURLToPath(new URL('../web/build/client', import.meta.url)),
    })
    server = serve({ fetch: web.fetch, port: 0 }) as Server
    await new Promise((resolve) => server.once('listening', resolve))
    origin = `http://localhost:${(server.address() as AddressInfo).port}`
    const [tenant] = await api.conn.db
      .select({ id: schema.tenants.id })
      .from(schema.tenants)
      .where(eq(schema.tenants.slug, 'demo'))
    const org = await createOrganization(api.conn.db, {
      tenantId: tenant?.id as string,
      name: 'Legacy Evil Ltd',
      website: HOSTILE,
    })
    orgId = org.id
  })
  test.afterAll(async () => {
    server?.close()
    await api?.close()
  })

  test('is shown as plain text, not as a link', async ({ page }) => {
    await logIn(page, origin, 'admin@demo.aura.test')
    await page.goto(demo(origin, `/organizations/${orgId}`))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Legacy Evil Ltd')
    await expect(page.getByText(HOSTILE)).toBeVisible()
    await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0)
    await expect(page.getByRole('link', { name: HOSTILE })).toHaveCount(0)
  })
})
