// The API inside workerd (`wrangler dev`) against the local Postgres through the WebSocket relay.
// Runs in Node: the test spawns wrangler and talks HTTP to it. `npm run test:workers`.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    name: 'api-workers',
    root: import.meta.dirname,
    include: ['**/*.workers.test.ts'],
    exclude: ['**/node_modules/**'],
    // A fresh migrated database per run (TEST_DATABASE_URL), as for the other suites.
    globalSetup: ['../db/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
