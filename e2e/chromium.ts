// Debian's Chromium as every browser run here starts it (Playwright journeys, Lighthouse): headless, no
// sandbox (root in CI), and nothing that reaches the network on its own (updates, sync, first-run pages).
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
