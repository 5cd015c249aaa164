// The PRNG and the pure builders: same seed, same rows; another seed, other rows. No database needed.
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { tenantBatches } from './catalog.ts'
import { money } from './plan.ts'
import { Rng } from './prng.ts'
import { selectTenants } from './scales.ts'

const draw = (seed: number) => {
  const rng = new Rng(seed, 'gen-tiny-a', 'deals')
  return [rng.uuid(), rng.int(1, 6), rng.pick(['a', 'b', 'c']), rng.digits(4)]
}

describe('Rng', () => {
  it('repeats a stream for the same seed and key, and differs for another seed', () => {
    expect(draw(42)).toEqual(draw(42))
    expect(draw(43)).not.toEqual(draw(42))
  })

  it('makes v4-shaped UUIDs', () => {
    const rng = new Rng(1)
    for (let i = 0; i < 100; i++)
      expect(rng.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('keeps int() within its bounds and reaches both ends', () => {
    const rng = new Rng(7)
    const seen = new Set(Array.from({ length: 2_000 }, () => rng.int(1, 6)))
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6])
  })
})

describe('builders', () => {
  it('render the same tenant and users for the same seed', () => {
    const spec = selectTenants('tiny')[0]
    if (!spec) throw new Error('no tiny tenant')
    const hash = (seed: number) =>
      createHash('sha256')
        .update(
          JSON.stringify(tenantBatches(spec, seed, null).batches.map((b) => b.statement()?.queryChunks)),
        )
        .digest('hex')
    expect(hash(42)).toBe(hash(42))
    expect(hash(42)).not.toBe(hash(41))
  })

  it('writes money as exact decimals from integer cents', () => {
    expect([money(0), money(5), money(1999), money(123456789)]).toEqual([
      '0.00',
      '0.05',
      '19.99',
      '1234567.89',
    ])
  })
})

describe('selectTenants', () => {
  it('builds the big tenant alone with --only big, and refuses an unknown group', () => {
    expect(selectTenants('standard', ['big']).map((t) => [t.slug, t.deals, t.contacts])).toEqual([
      ['gen-big', 100_000, 100_000],
    ])
    expect(selectTenants('standard')).toHaveLength(101)
    expect(() => selectTenants('tiny', ['big'])).toThrow(/matches no tenant/)
  })
})
