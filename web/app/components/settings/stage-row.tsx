// One stage in the process editor: its settings form, up/down buttons (plain POSTs, no drag and drop
// needed) and deletion behind a disclosure that asks where the stage's deals go.

import { buttonClass } from '~/components/ui/button.tsx'
import { ConfirmDisclosure } from '~/components/ui/confirm-disclosure.tsx'
import { Form } from '../form.tsx'

export interface Stage {
  id: string
  name: string
  kind: 'open' | 'won' | 'lost'
  winProbability: number
  requiredFields: string[]
}

export const REQUIRABLE = [
  ['amount', 'Amount'],
  ['closeDate', 'Close date'],
  ['contactId', 'Contact'],
  ['organizationId', 'Organization'],
  ['assignedUserId', 'Owner'],
  ['notes', 'Notes'],
] as const

const input = 'min-h-11 rounded-md border border-slate-300 bg-white px-2 text-base'
const small =
  'inline-flex min-h-11 min-w-11 items-center justify-center rounded-md border border-slate-300 bg-white px-2 text-sm hover:bg-slate-100 disabled:opacity-40'

export function StageRow({ stage, index, stages }: { stage: Stage; index: number; stages: Stage[] }) {
  const id = (f: string) => `stage-${stage.id}-${f}`
  const targets = stages.filter((s) => s.id !== stage.id && s.kind === stage.kind)
  return (
    <li className="flex flex-col gap-3 py-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-semibold break-words">
          {index + 1}. {stage.name}
        </h3>
        <Form method="post" className="flex gap-1">
          <input type="hidden" name="intent" value="move" />
          <input type="hidden" name="stageId" value={stage.id} />
          <button
            type="submit"
            name="direction"
            value="up"
            className={small}
            disabled={index === 0}
            aria-label={`Move ${stage.name} up`}
          >
            ↑
          </button>
          <button
            type="submit"
            name="direction"
            value="down"
            className={small}
            disabled={index === stages.length - 1}
            aria-label={`Move ${stage.name} down`}
          >
            ↓
          </button>
        </Form>
      </div>
      <Form method="post" className="flex flex-col gap-3" aria-label={`Settings of ${stage.name}`}>
        <input type="hidden" name="intent" value="stage" />
        <input type="hidden" name="stageId" value={stage.id} />
        <div className="grid gap-3 sm:grid-cols-3">
          <div className="flex flex-col gap-1">
            <label htmlFor={id('name')} className="text-sm font-medium">
              Stage name
            </label>
            <input id={id('name')} name="name" required defaultValue={stage.name} className={input} />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={id('kind')} className="text-sm font-medium">
              Kind
            </label>
            <select id={id('kind')} name="kind" defaultValue={stage.kind} className={input}>
              <option value="open">Open</option>
              <option value="won">Won</option>
              <option value="lost">Lost</option>
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={id('prob')} className="text-sm font-medium">
              Win probability %
            </label>
            <input
              id={id('prob')}
              name="winProbability"
              type="number"
              min={0}
              max={100}
              defaultValue={stage.winProbability}
              className={input}
            />
          </div>
        </div>
        <fieldset>
          <legend className="text-sm font-medium">Required to enter {stage.name}</legend>
          <div className="mt-1 flex flex-wrap gap-x-4">
            {REQUIRABLE.map(([key, label]) => (
              <label key={key} className="inline-flex min-h-11 items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="requiredFields"
                  value={key}
                  defaultChecked={stage.requiredFields.includes(key)}
                  className="size-5"
                />
                {label}
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <button type="submit" className={buttonClass.secondary}>
            Save {stage.name}
          </button>
        </div>
      </Form>
      <ConfirmDisclosure summary={`Delete ${stage.name}…`} inline>
        <input type="hidden" name="intent" value="delete-stage" />
        <input type="hidden" name="stageId" value={stage.id} />
        <div className="flex flex-col gap-1">
          <label htmlFor={id('move')} className="font-medium">
            Move open deals to
          </label>
          <select id={id('move')} name="moveTo" className={input}>
            <option value="">(the stage has no deals)</option>
            {targets.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass.danger}>
          Delete stage
        </button>
      </ConfirmDisclosure>
    </li>
  )
}
