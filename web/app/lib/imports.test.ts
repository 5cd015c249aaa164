import { describe, expect, it } from 'vitest'
import { mappingColumn, mappingFromForm } from './imports.ts'

describe('import mapping form', () => {
  it('reads a column per select, "" as ignored, missing columns as ignored', () => {
    const form = new FormData()
    form.set('column.0', 'fullName')
    form.set('column.1', '')
    form.set('column.3', 'email')
    expect(mappingFromForm(form, 4)).toEqual(['fullName', null, null, 'email'])
    expect(mappingFromForm(form, 0)).toEqual([])
  })

  it('places an API error under the column it names', () => {
    expect(mappingColumn('mapping.2')).toBe(2)
    expect(mappingColumn('mapping')).toBeNull()
    expect(mappingColumn('firstName')).toBeNull()
  })
})
