// Requirements traceability (ADR 0157): every requirement id cited anywhere in the repository resolves to a
// row of docs/requirements.md, every PRD id has a row, every row has a status, and every path the page
// names still exists. Reads git-tracked files only, so it sees what a clone sees.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../..')
const DOC = 'docs/requirements.md'

/** A PRD id: F1, F11.7, NFR-S8, NFR-Sc1. */
const ID = /\b(F\d{1,2}(?:\.\d{1,2})?|NFR-[A-Z][a-z]?\d{1,2})\b/g

/**
 * Every id of the PRD (Epic PRD of 2026-01-22, kept outside the repository), section ids included. When
 * the PRD is reachable (AURA_PRD, or the shared seeds beside the checkout) a test checks this list
 * against it; in a clone without it, this list is the PRD.
 */
const PRD_IDS = [
  'F1',
  'F1.1',
  'F1.2',
  'F1.3',
  'F1.4',
  'F1.5',
  'F1.6',
  'F1.7',
  'F1.8',
  'F1.9',
  'F1.10',
  'F1.11',
  'F1.12',
  'F2',
  'F2.1',
  'F2.2',
  'F2.3',
  'F2.4',
  'F2.5',
  'F2.6',
  'F3',
  'F3.1',
  'F3.2',
  'F3.3',
  'F3.4',
  'F3.5',
  'F3.6',
  'F4',
  'F4.1',
  'F4.2',
  'F4.3',
  'F4.4',
  'F5',
  'F5.1',
  'F5.2',
  'F5.3',
  'F5.4',
  'F5.5',
  'F5.6',
  'F6',
  'F6.1',
  'F6.2',
  'F6.3',
  'F6.4',
  'F6.5',
  'F6.6',
  'F7',
  'F7.1',
  'F7.2',
  'F7.3',
  'F7.4',
  'F7.5',
  'F7.6',
  'F7.7',
  'F8',
  'F8.1',
  'F8.2',
  'F8.3',
  'F8.4',
  'F8.5',
  'F8.6',
  'F8.7',
  'F8.8',
  'F8.9',
  'F9',
  'F9.1',
  'F9.2',
  'F9.3',
  'F9.4',
  'F9.5',
  'F10',
  'F10.1',
  'F10.2',
  'F10.3',
  'F10.4',
  'F11',
  'F11.1',
  'F11.2',
  'F11.3',
  'F11.4',
  'F11.5',
  'F11.6',
  'F11.7',
  'F11.8',
  'F11.9',
  'F11.10',
  'F11.11',
  'F11.12',
  'F11.13',
  'F11.14',
  'F12',
  'F12.1',
  'F12.2',
  'F12.3',
  'F12.4',
  'F12.5',
  'F12.6',
  'F13',
  'F13.1',
  'F13.2',
  'F13.3',
  'F13.4',
  'F13.5',
  'F13.6',
  'F13.7',
  'F13.8',
  'F13.9',
  'F13.10',
  'F14',
  'F14.1',
  'F14.2',
  'F14.3',
  'F14.4',
  'F14.5',
  'F14.6',
  'F15',
  'F15.1',
  'F15.2',
  'NFR-D1',
  'NFR-D2',
  'NFR-D3',
  'NFR-D4',
  'NFR-D5',
  'NFR-M1',
  'NFR-M2',
  'NFR-M3',
  'NFR-M4',
  'NFR-M5',
  'NFR-P1',
  'NFR-P2',
  'NFR-P3',
  'NFR-P4',
  'NFR-P5',
  'NFR-P6',
  'NFR-R1',
  'NFR-R2',
  'NFR-R3',
  'NFR-R4',
  'NFR-S1',
  'NFR-S2',
  'NFR-S3',
  'NFR-S4',
  'NFR-S5',
  'NFR-S6',
  'NFR-S7',
  'NFR-S8',
  'NFR-S9',
  'NFR-Sc1',
  'NFR-Sc2',
  'NFR-Sc3',
  'NFR-Sc4',
  'NFR-Sc5',
  'NFR-U1',
  'NFR-U2',
  'NFR-U3',
  'NFR-U4',
  'NFR-U5',
  'NFR-U6',
]

/** Files whose text is not ours to cite requirements in (hashes in the lockfile look like ids). */
const NOT_SCANNED = [/(^|\/)package-lock\.json$/, /\.(png|jpe?g|gif|ico|webp|woff2?|pdf|wasm)$/i]

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((f) => f && f !== DOC && !NOT_SCANNED.some((re) => re.test(f)) && existsSync(join(ROOT, f)))
}

interface Row {
  id: string
  cells: string[]
  errata: boolean
}

function rows(doc: string): Row[] {
  const errataAt = doc.indexOf('## Ids cited that are not PRD ids')
  const found: Row[] = []
  let offset = 0
  for (const line of doc.split('\n')) {
    const m = /^\|\s*(F\d{1,2}(?:\.\d{1,2})?|NFR-[A-Z][a-z]?\d{1,2})\s*\|(.*)\|\s*$/.exec(line)
    if (m?.[1] && m[2] !== undefined) {
      const cells = m[2].split(' | ').map((c) => c.trim())
      found.push({ id: m[1], cells, errata: errataAt >= 0 && offset > errataAt })
    }
    offset += line.length + 1
  }
  return found
}

const doc = readFileSync(join(ROOT, DOC), 'utf8')
const table = rows(doc)
const documented = new Set(table.map((r) => r.id))

/** Where each id is cited: id → files. */
function citations(): Map<string, string[]> {
  const cited = new Map<string, string[]>()
  for (const file of trackedFiles()) {
    const text = readFileSync(join(ROOT, file), 'utf8')
    for (const [, id] of text.matchAll(ID)) {
      if (!id) continue
      const files = cited.get(id) ?? []
      if (!files.includes(file)) files.push(file)
      cited.set(id, files)
    }
  }
  return cited
}

function prdPath(): string | null {
  const candidates = [
    process.env.AURA_PRD,
    join(ROOT, '../shared/seeds/crm-platform-prd.md'),
    join(ROOT, '../../shared/seeds/crm-platform-prd.md'),
  ]
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null
}

describe('requirements traceability (docs/requirements.md)', () => {
  it('has one row per id, and a row for every PRD id', () => {
    const seen = table.map((r) => r.id)
    expect(
      seen.filter((id, i) => seen.indexOf(id) !== i),
      'ids with two rows',
    ).toEqual([])
    expect(
      PRD_IDS.filter((id) => !documented.has(id)),
      'PRD ids without a row',
    ).toEqual([])
  })

  it('resolves every requirement id cited in code, tests, migrations and docs', () => {
    const cited = citations()
    expect(cited.size).toBeGreaterThan(50) // the scan works: the repository cites many ids
    const unresolved = [...cited]
      .filter(([id]) => !documented.has(id))
      .map(([id, files]) => `${id} in ${files.join(', ')}`)
    expect(unresolved, 'cited ids without a row in docs/requirements.md').toEqual([])
  })

  it('gives every row our words, where it is built and tested, and a status', () => {
    const prd = new Set(PRD_IDS)
    const problems: string[] = []
    for (const { id, cells, errata } of table) {
      if (cells.length !== 4) {
        problems.push(`${id}: ${cells.length + 1} columns, not 5`)
        continue
      }
      const [words = '', , , status = ''] = cells
      if (words.length < 20) problems.push(`${id}: the requirement is not written out`)
      if (errata) {
        if (prd.has(id)) problems.push(`${id} is a PRD id: it belongs in its section, not among the errata`)
        if (!/^erratum: cite (F\d|NFR-)/.test(status)) problems.push(`${id}: an erratum names the id to cite`)
        continue
      }
      if (!prd.has(id)) problems.push(`${id} is not a PRD id: list it among the errata with the id it means`)
      if (!/^(met|partial|not yet)\b/.test(status))
        problems.push(`${id}: status "${status}" is not met, partial or not yet`)
      if (/^(partial|not yet)\b/.test(status) && !/issue \d+|no open issue|see (F\d|NFR-)/.test(status))
        problems.push(
          `${id}: a partial or missing requirement names the issue that plans it (or says none does)`,
        )
    }
    expect(problems).toEqual([])
  })

  it('names only paths that exist', () => {
    const missing = [...doc.matchAll(/`([^`\s]+\/[^`\s]*)`/g)]
      .map(([, path]) => path ?? '')
      .filter((path) => !existsSync(join(ROOT, path)))
    expect([...new Set(missing)], 'paths in docs/requirements.md that do not exist').toEqual([])
  })

  it.skipIf(!prdPath())('lists exactly the ids of the PRD, when the PRD is at hand', () => {
    const prd = readFileSync(prdPath() ?? '', 'utf8')
    const fromPrd = [...new Set([...prd.matchAll(ID)].map(([, id]) => id))].sort()
    expect([...PRD_IDS].sort()).toEqual(fromPrd)
  })
})
