// The deals list's bulk form (issue 13): tick rows (their checkboxes belong to this form by `form=`), or
// choose every deal the filters match, pick what to do, then Review — the next page says exactly what will
// change before anything does. Plain HTML: works without JavaScript (the frame is every list's, BulkBar).
import { BulkBar } from '~/components/ui/bulk-change.tsx'
import type { Member, Process } from '~/lib/sales.server.ts'
import { OwnerSelect } from './owner-select.tsx'
import { SelectField } from './select-field.tsx'

export const BULK_FORM_ID = 'deals-bulk'

export function DealBulkBar({
  filters,
  processes,
  members,
  limit,
}: {
  /** The list's filters now (a name search is not one: see ZDealFilter). */
  filters: Record<string, string>
  processes: Process[]
  /** Null for reps: only managers and admins reassign. */
  members: Member[] | null
  limit: number
}) {
  return (
    <BulkBar id={BULK_FORM_ID} path="/deals" noun="deals" filters={filters} limit={limit}>
      <SelectField label="Change" name="action" id="bulk-action" defaultValue="">
        <option value="">Choose…</option>
        {members && <option value="reassign">Reassign to…</option>}
        <option value="move">Move to stage…</option>
        <option value="delete">Delete</option>
      </SelectField>
      {members && <OwnerSelect members={members} />}
      <SelectField label="Stage (move)" name="stageId" id="bulk-stage" defaultValue="">
        <option value="">—</option>
        {processes.map((p) => (
          <optgroup key={p.id} label={p.name}>
            {p.stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
    </BulkBar>
  )
}
