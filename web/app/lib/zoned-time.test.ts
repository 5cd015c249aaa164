import { describe, expect, it } from 'vitest'
import { timeZoneChoices } from './zoned-time.ts'

describe('time-zone choices', () => {
  it('offer the runtime’s zones, and keep a saved zone the runtime spells otherwise selectable', () => {
    const plain = timeZoneChoices(null)
    expect(plain[0]).toBe('UTC')
    expect(plain).toContain('Europe/Paris')
    expect(timeZoneChoices('Europe/Paris')).toEqual(plain)
    const withAlias = timeZoneChoices('Asia/Kolkata')
    expect(withAlias[0]).toBe('UTC')
    expect(withAlias).toContain('Asia/Kolkata')
    expect(withAlias).toHaveLength(plain.length + 1)
  })
})
