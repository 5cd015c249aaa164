// The bulk page's question for an action's target (issue 13, ADR 0158): the new owner, or the stage (grouped
// by process). Asked there, not on the list, so the list carries no select of every owner and stage.
import { SelectField } from './select-field.tsx'

export interface BulkTargetChoices {
  /** The form field the target goes to. */
  field: 'assignedUserId' | 'stageId'
  /** "Reassign", "Move": the question reads "Reassign the 2 ticked deals to". */
  verb: string
  /** The options, in groups (a process's stages) or one unnamed group (the members). */
  groups: { name: string | null; options: { id: string; name: string }[] }[]
}

export function BulkTarget({ choices, which }: { choices: BulkTargetChoices; which: string }) {
  const options = (o: BulkTargetChoices['groups'][number]['options']) =>
    o.map((x) => (
      <option key={x.id} value={x.id}>
        {x.name}
      </option>
    ))
  return (
    <SelectField
      label={`${choices.verb} ${which} to`}
      name={choices.field}
      id={`bulk-${choices.field}`}
      defaultValue=""
      required
    >
      <option value="">Choose…</option>
      {choices.groups.map((g) =>
        g.name === null ? (
          options(g.options)
        ) : (
          <optgroup key={g.name} label={g.name}>
            {options(g.options)}
          </optgroup>
        ),
      )}
    </SelectField>
  )
}

/** The active members (records.server.ts `ownerChoices`) as one group, for a new owner. */
export const ownerTarget = (owners: { id: string; name: string }[]): BulkTargetChoices => ({
  field: 'assignedUserId',
  verb: 'Reassign',
  groups: [{ name: null, options: owners }],
})
