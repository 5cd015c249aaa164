// End-to-end journeys against the real one-process server (web + API + a fresh in-memory PGlite),
// in Debian's Chromium, on real subdomains: Chromium resolves every *.localhost to loopback.
import { fileURLToPath } from 'node:url'
import { defineConfig, devices } from '@playwright/test'
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.ts'

const PORT = Number(process.env.E2E_PORT ?? 3100)
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url))

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  testIgnore: 'bench/**',
  outputDir: 'test-results',
  // Journeys of several steps with an accessibility scan at each run 25–35 s on a busy 2-core runner;
  // speed is the benchmark's business, so the limit only catches a hang.
  timeout: 60_000,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI
    ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]]
    : 'list',
  use: {
    baseURL: `http://localhost:${PORT}`,
    screenshot: 'on',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          args: CHROMIUM_FLAGS,
        },
      },
    },
  ],
  webServer: {
    // The production server bundle, as `npm start` runs it (`npm run test:e2e` builds first).
    command: 'node web/build/node/main.js',
    cwd: REPO_ROOT,
    url: `http://localhost:${PORT}/api/v1/health`,
    // Every journey signs in from the same loopback address, which real users never share; the per-IP
    // auth limits are proven by the API's tests, so here they are raised out of the way.
    env: {
      PORT: String(PORT),
      DATABASE_URL: 'memory://',
      LOG_LEVEL: 'warn',
      // As `npm start` sets it: the journeys read reset links and codes from the local outbox.
      LOCAL_OUTBOX: '1',
      RATE_LIMIT_LOGIN_PER_MINUTE: '10000',
      RATE_LIMIT_AUTH_IP_PER_MINUTE: '10000',
      RATE_LIMIT_RESET_PER_MINUTE: '10000',
      // The same four demo people load pages at machine speed (a journey opens a page a second, a run
      // holds 85 of them), past NFR-S7's 100 a minute for a person; a refused /me then shows the error
      // page and a journey flakes. The per-user limit is proven by the API's tests.
      RATE_LIMIT_USER_PER_MINUTE: '10000',
    },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
