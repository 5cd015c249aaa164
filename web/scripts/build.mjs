// `npm run build`: the Remix app (client assets + server build) and the one-process Node server bundled
// into web/build/node/main.js, so `npm start` runs plain JavaScript: no TypeScript compiler at run time.
// Writes the source stamp last, so an interrupted build is never taken for a current one.
// `node web/scripts/build.mjs --if-stale` builds only when the sources changed since the last build.
import { spawnSync } from 'node:child_process'
import { existsSync, rmSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build as esbuild } from 'esbuild'
import { BUILD_DIR, ROOT, STAMP_FILE, sourceHash, stampOfBuild } from './source-stamp.mjs'

export const SERVER_BUNDLE = join(BUILD_DIR, 'node/main.js')

/**
 * Our own TypeScript is bundled; packages stay external (PGlite, pg and friends load files relative to
 * themselves). `import.meta.url` in our sources keeps naming the source file, so paths such as the
 * migrations folder and the Remix build resolve as they do when run from source.
 */
const bundleOurSources = {
  name: 'aura-sources',
  setup(b) {
    b.onResolve({ filter: /^[^./~]/ }, (args) =>
      args.path.startsWith('@aura/') ? undefined : { path: args.path, external: true },
    )
    b.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8')
      const here = JSON.stringify(pathToFileURL(args.path).href)
      return { contents: source.replaceAll('import.meta.url', here), loader: 'ts' }
    })
  },
}

export async function buildAll({ log = (s) => process.stdout.write(`${s}\n`) } = {}) {
  const stamp = sourceHash()
  rmSync(STAMP_FILE, { force: true })
  const started = performance.now()
  const remix = spawnSync(join(ROOT, 'node_modules/.bin/remix'), ['vite:build'], {
    cwd: join(ROOT, 'web'),
    stdio: 'inherit',
  })
  if (remix.status !== 0) throw new Error(`remix vite:build failed (exit ${remix.status})`)
  await esbuild({
    entryPoints: [join(ROOT, 'web/server/main.ts')],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [bundleOurSources],
  })
  writeFileSync(STAMP_FILE, `${stamp}\n`)
  log(`web build and server bundle ready in ${Math.round(performance.now() - started)} ms`)
}

/** Builds when there is no build or the sources changed since it was made. */
export async function buildIfStale() {
  if (!existsSync(SERVER_BUNDLE) || stampOfBuild() !== sourceHash()) await buildAll()
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  await (process.argv.includes('--if-stale') ? buildIfStale() : buildAll())
