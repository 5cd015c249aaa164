// A deal's or contact's next steps (ADR 0168): its open tasks soonest first, a warning when an open deal
// has none (it is stalling), and "Plan a next step" one disclosure away (open when there is none).
import { Alert } from '~/components/ui/alert.tsx'
import { Disclosure } from '~/components/ui/disclosure.tsx'
import { replyFor } from '~/lib/form-reply.ts'
import type { FormReply } from '~/lib/forms.server.ts'
import { PlanTaskForm } from './plan-task.tsx'
import { type OpenTask, TaskItem } from './task-item.tsx'

export function NextSteps({
  tasks,
  timezone,
  now,
  names,
  me,
  manages,
  stalled,
  result,
  record,
  assignees,
  defaultDue,
}: {
  tasks: OpenTask[]
  timezone: string
  now: number
  names: Record<string, string>
  /** The reader. */
  me: string
  /** A lead completes and reschedules anyone's task; a rep their own. */
  manages: boolean
  /** An open deal with no open task: say so. */
  stalled: boolean
  /** The page's last action answer: a refused plan, Done or Reschedule shows here. */
  result: FormReply | undefined
  record: { dealId: string } | { contactId: string }
  /** Whom a lead may assign; null for a rep. */
  assignees: { id: string; name: string }[] | null
  defaultDue: string
}) {
  // A refused Done or Reschedule (the task changed meanwhile).
  const refused = replyFor(result, 'complete-task') ?? replyFor(result, 'reschedule-task')
  const planned = replyFor(result, 'plan-task')
  return (
    <section aria-labelledby="next-steps-heading" className="flex flex-col gap-2">
      <h2 id="next-steps-heading" className="text-lg font-semibold">
        Next steps
      </h2>
      {refused?.error && <Alert tone="error">{Object.values(refused.error).flat().join(' ')}</Alert>}
      {tasks.length === 0 ? (
        stalled ? (
          // Part of the page, not an event: styled as a warning, but no alert role to interrupt a reader.
          <p
            data-testid="no-next-step"
            className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          >
            No next step: plan one so this deal does not stall.
          </p>
        ) : (
          <p className="text-sm text-slate-600">Nothing planned.</p>
        )
      ) : (
        <ul className="divide-y divide-slate-100">
          {tasks.map((t) => (
            <TaskItem
              key={t.id}
              task={t}
              timezone={timezone}
              now={now}
              assignee={t.assigneeUserId === me ? null : (names[t.assigneeUserId] ?? 'a former member')}
              canChange={manages || t.assigneeUserId === me}
            />
          ))}
        </ul>
      )}
      <Disclosure summary="Plan a next step" open={stalled || Boolean(planned)}>
        <PlanTaskForm
          lastResult={planned}
          timezone={timezone}
          defaultDue={defaultDue}
          record={record}
          assignees={assignees}
          me={me}
        />
      </Disclosure>
    </section>
  )
}
