// What one Lighthouse run does, from the command line and the environment (see run.ts for the list).
import { fileURLToPath } from 'node:url'
import type { TenantSpec } from '@aura/db/seed/generate/index'
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../chromium.ts'

const argv = process.argv.slice(2)
const arg = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)

export const SMOKE = argv.includes('--smoke')
/** Exit with status 1 when a measured page scores below the accessibility target (never for speed). */
export const ASSERT_ACCESSIBILITY = argv.includes('--assert-accessibility')
export const RUNS = Number(arg('runs') ?? (SMOKE ? 1 : 3))
/** Only these page keys (--pages=dashboard,board,deals,deal); all by default. */
export const ONLY_PAGES = arg('pages')?.split(',')
/**
 * Overrides Lighthouse's 4× CPU slowdown: a number, or `calibrated` (the multiplier Lighthouse's calculator
 * gives for this machine's benchmarkIndex: calibrate.ts).
 */
export const CPU_SLOWDOWN: number | 'calibrated' | undefined = ((v) =>
  v === undefined || v === 'calibrated' ? v : Number(v))(arg('cpu-slowdown'))
/** Before each run, wait until the CPUs are at most this busy (share), for at most QUIET_WAIT_S seconds. */
export const QUIET_BUSY = Number(process.env.LH_QUIET_BUSY ?? 0.25)
export const QUIET_WAIT_S = Number(process.env.LH_QUIET_WAIT_S ?? (SMOKE ? 0 : 90))
export const PORT = Number(process.env.LH_PORT ?? 3471)
export const CHROME = process.env.LH_CHROME ?? CHROMIUM_PATH
export const BASE_URL = process.env.LH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/aura_lighthouse'
export const RESULTS = fileURLToPath(new URL('./results/', import.meta.url))
export const CHROME_FLAGS = CHROMIUM_FLAGS
/** The product's targets (mobile). */
export const TARGET = { performance: 95, accessibility: 100 }

const FULL_TENANT: TenantSpec = {
  slug: 'lh-10k',
  group: 'lighthouse',
  users: 8,
  processes: 2,
  products: 50,
  organizations: 2_000,
  contacts: 10_000,
  deals: 10_000,
  defaultProcessShare: 0.7,
}
const SMOKE_TENANT: TenantSpec = {
  slug: 'lh-smoke',
  group: 'lighthouse',
  users: 4,
  processes: 2,
  products: 10,
  organizations: 60,
  contacts: 300,
  deals: 300,
  defaultProcessShare: 0.7,
}
/** The tenant this run measures. */
export const TENANT = SMOKE ? SMOKE_TENANT : FULL_TENANT
/** Generated users: handle `admin` is the tenant's admin (catalog.ts). */
export const ROLE = 'admin'
