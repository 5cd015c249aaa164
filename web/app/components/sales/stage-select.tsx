import type { Process } from '~/lib/sales.server.ts'

/**
 * Stage options. On the deal page every process is offered (a move may change the process), so each
 * option's value is `processId/stageId`; the board offers its own process's stages by stageId only.
 */
export function StageOptions({ processes, withProcess }: { processes: Process[]; withProcess: boolean }) {
  if (!withProcess) {
    return (
      <>
        {processes[0]?.stages.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </>
    )
  }
  return (
    <>
      {processes.map((p) => (
        <optgroup key={p.id} label={p.name}>
          {p.stages.map((s) => (
            <option key={s.id} value={`${p.id}/${s.id}`}>
              {s.name}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  )
}

const LABELS: Record<string, string> = {
  amount: 'Amount',
  closeDate: 'Close date',
  contactId: 'Contact',
  organizationId: 'Organization',
  assignedUserId: 'Owner',
  notes: 'Notes',
}

/** "Close date, Contact" from the API's field names in a required-field refusal (F11.7). */
export const fieldLabels = (fields: string[]) => fields.map((f) => LABELS[f] ?? f).join(', ')
