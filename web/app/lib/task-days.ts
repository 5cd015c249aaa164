// My day's groups (ADR 0168): overdue (due before now), today (later today on the reader's wall clock) and
// coming up (a later day), each soonest first as the API lists them; empty groups left out.

const dayOf = (instant: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(instant),
  )

export function groupByDue<T extends { dueAt: string }>(tasks: T[], now: number, timeZone: string) {
  const today = dayOf(now, timeZone)
  const when = (t: T) => {
    const due = Date.parse(t.dueAt)
    if (due < now) return 'Overdue'
    return dayOf(due, timeZone) === today ? 'Today' : 'Coming up'
  }
  return (['Overdue', 'Today', 'Coming up'] as const)
    .map((title) => ({ title, tasks: tasks.filter((t) => when(t) === title) }))
    .filter((g) => g.tasks.length > 0)
}
