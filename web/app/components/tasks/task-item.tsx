// One open task as a line of a list (My day, a deal's or contact's next steps): when it is due (red once
// overdue), what to do, where (the deal or contact, when the list is not already theirs) and for whom; Done
// and Reschedule as plain forms, so both work without JavaScript.
import { Link } from '@remix-run/react'
import { buttonClass } from '~/components/ui/button.tsx'
import { Disclosure } from '~/components/ui/disclosure.tsx'
import { formatInZone, isoToLocal } from '~/lib/zoned-time.ts'

/** How a task's type reads: a "note" planned ahead is a to-do. */
export const TASK_TYPES = { call: 'Call', email: 'Email', meeting: 'Meeting', note: 'To-do' } as const

export interface OpenTask {
  id: string
  type: keyof typeof TASK_TYPES
  subject: string
  dueAt: string
  assigneeUserId: string
  dealId: string | null
  dealName: string | null
  contactId: string | null
  contactName: string | null
}

export function TaskItem({
  task,
  timezone,
  now,
  assignee,
  canChange,
  showRecord,
}: {
  task: OpenTask
  timezone: string
  /** The render's clock (ms), so every line of a list agrees on what is overdue. */
  now: number
  /** The assignee's name when not the reader. */
  assignee?: string | null
  /** Whether the reader may complete and reschedule it (its assignee, or a lead). */
  canChange: boolean
  /** Name the deal or contact (My day); a record's own page leaves it out. */
  showRecord?: boolean
}) {
  const overdue = new Date(task.dueAt).getTime() < now
  const dueId = `due-${task.id}`
  return (
    <li className="flex flex-col gap-1 py-2 sm:flex-row sm:items-start sm:justify-between sm:gap-3">
      <div className="min-w-0 text-sm">
        <p className="font-medium break-words">
          {TASK_TYPES[task.type]}: {task.subject}
        </p>
        <p className={overdue ? 'font-medium text-red-700' : 'text-slate-600'}>
          {overdue ? 'Overdue · ' : 'Due '}
          {formatInZone(task.dueAt, timezone)}
          {assignee && <> · {assignee}</>}
          {showRecord && task.dealId && (
            <>
              {' · '}
              <Link to={`/deals/${task.dealId}`} className="text-indigo-700 underline">
                {task.dealName ?? 'deal'}
              </Link>
            </>
          )}
          {showRecord && !task.dealId && task.contactId && (
            <>
              {' · '}
              <Link to={`/contacts/${task.contactId}`} className="text-indigo-700 underline">
                {task.contactName ?? 'contact'}
              </Link>
            </>
          )}
        </p>
      </div>
      {canChange && (
        <div className="flex shrink-0 flex-wrap items-start gap-1">
          <form method="post">
            <input type="hidden" name="intent" value="complete-task" />
            <input type="hidden" name="taskId" value={task.id} />
            <button type="submit" className={buttonClass.secondary} aria-label={`Done: ${task.subject}`}>
              Done
            </button>
          </form>
          <Disclosure summary="Reschedule">
            <form method="post" className="flex flex-wrap items-end gap-2">
              <input type="hidden" name="intent" value="reschedule-task" />
              <input type="hidden" name="taskId" value={task.id} />
              <label htmlFor={dueId} className="sr-only">
                New due time for {task.subject}
              </label>
              <input
                id={dueId}
                type="datetime-local"
                name="dueAt"
                required
                defaultValue={isoToLocal(task.dueAt, timezone)}
                className="min-h-11 rounded-md border border-slate-300 bg-white px-2 text-base"
              />
              <button type="submit" className={buttonClass.secondary}>
                Save
              </button>
            </form>
          </Disclosure>
        </div>
      )}
    </li>
  )
}
