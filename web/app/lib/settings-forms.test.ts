// The admin settings forms parsed with the API's own schemas (ADR 0150): every shown field is sent, blanks
// follow the API body (cleared, left out or refused with the API's message), and a word where a number goes
// is a field error, not a failed request.

import { describe, expect, it } from 'vitest'
import { parseForm } from './forms.server.ts'
import { ZAddStageForm, ZInviteForm, ZRoleForm, ZStageForm, ZWorkspaceForm } from './settings-forms.server.ts'

const form = (entries: [string, string][]) => {
  const f = new FormData()
  for (const [k, v] of entries) f.append(k, v)
  return f
}
const UUID = '0b9a6a4e-7f3c-4c6e-9d5a-2f1e8b7c6d5e'
const workspace = (changes: Record<string, string>) =>
  form(
    Object.entries({
      companyName: 'Acme',
      logoUrl: '',
      industry: '',
      timezone: 'Europe/Paris',
      retentionDays: '',
      ...changes,
    }),
  )

describe('workspace settings', () => {
  it('clears a blank logo and industry and leaves a blank retention out', () => {
    const s = parseForm(workspace({}), ZWorkspaceForm)
    expect(s.status === 'success' && s.value).toEqual({
      companyName: 'Acme',
      logoUrl: null,
      industry: null,
      timezone: 'Europe/Paris',
    })
  })

  it('sends a typed retention as a number and a trimmed time zone', () => {
    const s = parseForm(workspace({ retentionDays: '45', timezone: ' UTC ' }), ZWorkspaceForm)
    expect(s.status === 'success' && s.value).toMatchObject({ retentionDays: 45, timezone: 'UTC' })
  })

  it('puts a word in retention, a blank name and an unknown zone on their fields', () => {
    const s = parseForm(
      workspace({ companyName: ' ', timezone: 'Mars/Base', retentionDays: 'abc' }),
      ZWorkspaceForm,
    )
    expect(s.status).toBe('error')
    expect(s.reply().error).toEqual({
      companyName: ['Enter the company name'],
      timezone: ['Use an IANA time zone such as Europe/Paris'],
      retentionDays: ['Enter a number'],
    })
  })
})

describe('users', () => {
  it('takes the invitation without the form’s intent and key', () => {
    const s = parseForm(
      form([
        ['intent', 'invite'],
        ['idempotencyKey', UUID],
        ['email', ' Rae@Example.test '],
        ['role', 'manager'],
      ]),
      ZInviteForm,
    )
    expect(s.status === 'success' && s.value).toEqual({ email: 'rae@example.test', role: 'manager' })
  })

  it('refuses a role the API does not have', () => {
    const s = parseForm(
      form([
        ['userId', UUID],
        ['role', 'owner'],
      ]),
      ZRoleForm,
    )
    expect(s.reply().error).toHaveProperty('role')
  })
})

describe('the process editor', () => {
  it('adds a stage with the ticked fields, the API defaults for the rest', () => {
    const s = parseForm(
      form([
        ['intent', 'add-stage'],
        ['name', 'Proposal'],
        ['kind', 'open'],
        ['winProbability', ''],
        ['requiredFields', 'amount'],
      ]),
      ZAddStageForm,
    )
    expect(s.status === 'success' && s.value).toEqual({
      name: 'Proposal',
      kind: 'open',
      winProbability: 0,
      requiredFields: ['amount'],
    })
  })

  it('clears what a stage requires when no box is ticked, and wants a probability', () => {
    const base: [string, string][] = [
      ['intent', 'stage'],
      ['stageId', UUID],
      ['name', 'Beta'],
      ['kind', 'won'],
    ]
    const ok = parseForm(form([...base, ['winProbability', '40']]), ZStageForm)
    expect(ok.status === 'success' && ok.value).toEqual({
      stageId: UUID,
      name: 'Beta',
      kind: 'won',
      winProbability: 40,
      requiredFields: [],
    })
    const blank = parseForm(form([...base, ['winProbability', '']]), ZStageForm)
    expect(blank.reply().error).toEqual({ winProbability: ['Required'] })
  })
})
