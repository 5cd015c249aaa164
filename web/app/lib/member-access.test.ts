import { describe, expect, it } from 'vitest'
import {
  changesRoles,
  invitableRoles,
  mayDeactivate,
  seesSettings,
  settingsHome,
  settingsSectionsFor,
} from './member-access.ts'

const SECTIONS = [{ to: '/settings/workspace' }, { to: '/settings/users' }, { to: '/settings/export' }]

describe('the settings area per role (F4.1, ADR 0167)', () => {
  it('admins see every section and every control', () => {
    expect(seesSettings('admin')).toBe(true)
    expect(settingsHome('admin')).toBe('/settings/workspace')
    expect(settingsSectionsFor('admin', SECTIONS)).toEqual(SECTIONS)
    expect(invitableRoles('admin').map((r) => r.value)).toEqual(['rep', 'manager', 'admin'])
    expect(changesRoles('admin')).toBe(true)
    for (const target of ['admin', 'manager', 'rep'] as const)
      expect(mayDeactivate('admin', target)).toBe(true)
  })

  it('managers see the Users page only: invite reps, deactivate reps, no role changes', () => {
    expect(seesSettings('manager')).toBe(true)
    expect(settingsHome('manager')).toBe('/settings/users')
    expect(settingsSectionsFor('manager', SECTIONS)).toEqual([{ to: '/settings/users' }])
    expect(invitableRoles('manager')).toEqual([{ value: 'rep', label: 'Rep' }])
    expect(changesRoles('manager')).toBe(false)
    expect(mayDeactivate('manager', 'rep')).toBe(true)
    expect(mayDeactivate('manager', 'manager')).toBe(false)
    expect(mayDeactivate('manager', 'admin')).toBe(false)
  })

  it('reps see no settings', () => {
    expect(seesSettings('rep')).toBe(false)
    expect(settingsSectionsFor('rep', SECTIONS)).toEqual([])
    expect(invitableRoles('rep')).toEqual([])
    expect(changesRoles('rep')).toBe(false)
    expect(mayDeactivate('rep', 'rep')).toBe(false)
  })
})
