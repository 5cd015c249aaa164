// Each workspace declares what it imports (issue 12): a package imported from api/, db/, web/ or e2e/ is in
// that workspace's package.json, not only hoisted from another workspace or the root. Scans the
// git-tracked sources' import and export-from statements, side-effect imports, import() and require().
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../..')
const WORKSPACES = ['api', 'db', 'web', 'e2e']
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/

const SPECIFIERS = [
  // import x from 'p', import { a, type B } from 'p', import * as x from 'p', export { a } from 'p'
  /^\s*(?:import|export)\s+(?:type\s+)?[\w$*{}\s,]*?\s*from\s*['"]([^'"]+)['"]/gm,
  /^\s*import\s*['"]([^'"]+)['"]/gm, // side effects only
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
]

/** The package a bare specifier names, or null for relative, aliased, built-in and virtual ones. */
function packageOf(specifier: string): string | null {
  if (/^(\.|\/|~\/|node:|virtual:|cloudflare:)/.test(specifier)) return null
  const parts = specifier.split('/')
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '')
  return builtinModules.includes(name) ? null : name
}

function undeclared(workspace: string): string[] {
  const manifest = JSON.parse(readFileSync(join(ROOT, workspace, 'package.json'), 'utf8'))
  const declared = new Set<string>([
    manifest.name,
    ...Object.keys({ ...manifest.dependencies, ...manifest.devDependencies, ...manifest.peerDependencies }),
  ])
  const files = execFileSync('git', ['ls-files', '-z', '--', workspace], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((f) => SOURCE.test(f))
  const missing = new Map<string, string>()
  for (const file of files) {
    const text = readFileSync(join(ROOT, file), 'utf8')
    for (const pattern of SPECIFIERS)
      for (const [, specifier] of text.matchAll(pattern)) {
        const name = specifier && packageOf(specifier)
        if (name && !declared.has(name) && !missing.has(name)) missing.set(name, file)
      }
  }
  return [...missing].map(([name, file]) => `${name} (first in ${file})`)
}

describe('each workspace declares what it imports', () => {
  it.each(WORKSPACES)('%s', (workspace) => {
    expect(undeclared(workspace)).toEqual([])
  })
})
