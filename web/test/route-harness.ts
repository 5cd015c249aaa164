// Route loaders and actions run for real in web tests: the API app on a fresh test database and one ready
// workspace, reached through the same load context the server gives Remix (apiFetch straight into the
// app). Registers its own beforeAll/afterAll; read `api` and `ws` inside tests.
import { createLogger } from '@aura/api/lib/logger'
import setupTestDatabase from '@aura/db/test/global-setup'
import type { AppLoadContext } from '@remix-run/node'
import { afterAll, beforeAll } from 'vitest'
import { createTestApi } from '../../api/test/harness.ts'
import { createWorkspace } from '../../api/test/workspace.ts'
import '../app/load-context.ts'

export function routeHarness(requestId: string) {
  const harness = {} as {
    api: Awaited<ReturnType<typeof createTestApi>>
    ws: Awaited<ReturnType<typeof createWorkspace>>
    context: () => AppLoadContext
  }
  let teardown: (() => unknown) | undefined
  beforeAll(async () => {
    teardown = (await setupTestDatabase()) ?? undefined
    harness.api = await createTestApi()
    harness.ws = await createWorkspace(harness.api)
  }, 300_000)
  afterAll(async () => {
    await harness.api?.close()
    await teardown?.()
  })
  harness.context = () => ({
    apiFetch: ((input: RequestInfo | URL, init?: RequestInit) =>
      harness.api.app.fetch(new Request(input, init))) as typeof fetch,
    requestId,
    log: createLogger('error'),
    rootDomain: 'aura.test',
  })
  return harness
}
