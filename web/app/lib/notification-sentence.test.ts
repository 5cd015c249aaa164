// Notifications read as sentences with names (ADR 0169), and never guess a record the reader no longer gets.
import { schema } from '@aura/db'
import { describe, expect, it } from 'vitest'
import { KIND_LABELS, notificationSentence } from './notification-sentence.ts'

const MAX = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f'
const names = { [MAX]: 'Max Manager' }
const item = (kind: string, more: Partial<Parameters<typeof notificationSentence>[0]> = {}) => ({
  kind,
  actorUserId: MAX,
  dealName: 'Acme roll-out',
  contactName: null,
  taskSubject: null,
  ...more,
})

describe('notification sentences', () => {
  it('name the actor and the record for every kind the API writes', () => {
    expect(notificationSentence(item('deal.assigned'), names)).toBe(
      'Max Manager made you the owner of “Acme roll-out”',
    )
    expect(notificationSentence(item('deal.won'), names)).toBe('Max Manager marked “Acme roll-out” as won')
    expect(notificationSentence(item('activity.logged', { contactName: 'Jana Becker' }), names)).toBe(
      'Max Manager logged an activity with Jana Becker',
    )
    expect(notificationSentence(item('task.assigned', { taskSubject: 'Call back' }), names)).toBe(
      'Max Manager gave you a next step: “Call back”',
    )
    expect(notificationSentence(item('invitation.accepted', { dealName: null }), names)).toBe(
      'Max Manager joined the workspace',
    )
    // Due reminders come from the system (no actor); process notices name the process (ADR 0171).
    expect(
      notificationSentence(item('task.due', { actorUserId: null, taskSubject: 'Send the quote' }), names),
    ).toBe('A next step of yours is due: “Send the quote”')
    expect(notificationSentence(item('process.changed', { processName: 'Enterprise' }), names)).toBe(
      'Max Manager changed the stages or name of the process “Enterprise”',
    )
    expect(Object.keys(KIND_LABELS).sort()).toEqual([...schema.NOTIFICATION_KINDS].sort())
    for (const kind of schema.NOTIFICATION_KINDS) {
      expect(notificationSentence(item(kind), names), kind).not.toMatch(/something of yours/)
    }
  })

  it('say "a deal" and "a former member" rather than guess', () => {
    expect(notificationSentence(item('deal.lost', { dealName: null, actorUserId: 'gone' }), names)).toBe(
      'A former member marked a deal as lost',
    )
  })
})
