// Unit tests for web code that needs no browser (host parsing, the API client). No Remix plugin here:
// it would try to build routes. Journeys are tested in e2e/.
import { fileURLToPath } from 'node:url'
import tsconfigPaths from 'vite-tsconfig-paths'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [tsconfigPaths({ projects: [fileURLToPath(new URL('./tsconfig.json', import.meta.url))] })],
  test: {
    name: 'web',
    root: import.meta.dirname,
    include: ['app/**/*.test.ts', 'server/**/*.test.ts'],
  },
})
