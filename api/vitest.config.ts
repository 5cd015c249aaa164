import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    name: 'api',
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/*.workers.test.ts'],
    globalSetup: ['../db/test/global-setup.ts'],
    // A file's first test builds the file-scoped fixtures it asks for (api/test/fixtures.ts, ADR 0152),
    // which a beforeAll used to do under hookTimeout: the same allowance for both.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
