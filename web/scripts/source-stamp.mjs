// What a build was made from: one hash over every file the web build and the server bundle read (our
// sources, the lock file, the configs). `npm start` rebuilds only when it differs from the stamp the
// last build wrote, so a second start goes straight to the server.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const BUILD_DIR = join(ROOT, 'web/build')
export const STAMP_FILE = join(BUILD_DIR, 'source-stamp.txt')

const INPUTS = ['api/src', 'db', 'web/app', 'web/server', 'web/scripts', 'web/public']
const FILES = [
  'package-lock.json',
  'tsconfig.json',
  'web/tsconfig.json',
  'web/package.json',
  'web/vite.config.ts',
]
const SKIP_DIR = new Set(['node_modules', 'build', '.cache', 'test'])
const SKIP_FILE = /\.test\.tsx?$/

function walk(dir, out) {
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return
  }
  for (const e of entries) {
    const path = join(dir, e.name)
    if (e.isDirectory()) {
      if (!SKIP_DIR.has(e.name)) walk(path, out)
    } else if (!SKIP_FILE.test(e.name)) out.push(path)
  }
}

/** The hash of the build inputs, with the checkout's path (the bundle records absolute paths). */
export function sourceHash() {
  const files = []
  for (const dir of INPUTS) walk(join(ROOT, dir), files)
  for (const f of FILES) files.push(join(ROOT, f))
  const hash = createHash('sha256').update(ROOT)
  for (const file of files.sort()) {
    hash.update(relative(ROOT, file))
    try {
      hash.update(readFileSync(file))
    } catch {
      hash.update('(missing)')
    }
  }
  return hash.digest('hex')
}

export function stampOfBuild() {
  try {
    return readFileSync(STAMP_FILE, 'utf8').trim()
  } catch {
    return null
  }
}
