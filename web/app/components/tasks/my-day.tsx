// "My day" on the dashboard (ADR 0168): the reader's open tasks, overdue first, then today's, then the
// coming ones, each with Done and Reschedule; the day boundaries are the reader's own time zone.
import { type OpenTask, TaskItem } from './task-item.tsx'

const dayOf = (instant: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(instant),
  )

export function MyDay({ tasks, timezone, now }: { tasks: OpenTask[]; timezone: string; now: number }) {
  const today = dayOf(now, timezone)
  const groups = [
    { title: 'Overdue', tasks: tasks.filter((t) => Date.parse(t.dueAt) < now) },
    {
      title: 'Today',
      tasks: tasks.filter(
        (t) => Date.parse(t.dueAt) >= now && dayOf(Date.parse(t.dueAt), timezone) === today,
      ),
    },
    {
      title: 'Coming up',
      tasks: tasks.filter((t) => Date.parse(t.dueAt) >= now && dayOf(Date.parse(t.dueAt), timezone) > today),
    },
  ].filter((g) => g.tasks.length > 0)
  return (
    <section aria-labelledby="my-day-heading" className="flex flex-col gap-2">
      <h2 id="my-day-heading" className="text-lg font-semibold">
        My day
      </h2>
      {groups.length === 0 ? (
        <p className="text-sm text-slate-600">
          Nothing planned. Plan next steps from a deal or contact page so nothing stalls.
        </p>
      ) : (
        groups.map((g) => (
          <div key={g.title}>
            <h3 className="text-sm font-semibold text-slate-700">
              {g.title} ({g.tasks.length})
            </h3>
            <ul className="divide-y divide-slate-100">
              {g.tasks.map((t) => (
                <TaskItem key={t.id} task={t} timezone={timezone} now={now} canChange showRecord />
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  )
}
