// My day's groups follow the reader's wall clock: late evening in Los Angeles is already tomorrow in UTC.
import { describe, expect, it } from 'vitest'
import { groupByDue } from './task-days.ts'

type Task = { id: string; dueAt: string }
const titles = (groups: { title: string; tasks: Task[] }[]) =>
  groups.map((g) => [g.title, g.tasks.map((t) => t.id)])

describe('My day groups', () => {
  // 2026-12-03 20:00 in Los Angeles (UTC−8) is 2026-12-04 04:00 UTC.
  const now = Date.parse('2026-12-04T04:00:00Z')
  const tasks = [
    { id: 'past', dueAt: '2026-12-04T03:59:00Z' },
    { id: 'tonight', dueAt: '2026-12-04T07:30:00Z' }, // 23:30 the same evening in Los Angeles
    { id: 'tomorrow', dueAt: '2026-12-04T08:30:00Z' }, // 00:30 the next day there
  ]

  it('puts what is past first, then the rest of the reader’s today, then later days', () => {
    expect(titles(groupByDue(tasks, now, 'America/Los_Angeles'))).toEqual([
      ['Overdue', ['past']],
      ['Today', ['tonight']],
      ['Coming up', ['tomorrow']],
    ])
  })

  it('reads the same instants by another wall clock, and leaves empty groups out', () => {
    expect(titles(groupByDue(tasks, now, 'UTC'))).toEqual([
      ['Overdue', ['past']],
      ['Today', ['tonight', 'tomorrow']],
    ])
    expect(groupByDue([], now, 'UTC')).toEqual([])
  })
})
