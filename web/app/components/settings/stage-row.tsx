// One stage in the process editor: its settings form (Conform, errors on their fields), up/down buttons
// (plain POSTs, no drag and drop needed) and deletion behind a disclosure that asks where the stage's deals
// go. Each form picks its own reply out of the page's answer by intent and stage id.

import { getFormProps, useForm } from '@conform-to/react'
import type { z } from 'zod'
import { buttonClass } from '~/components/ui/button.tsx'
import { ConfirmDisclosure } from '~/components/ui/confirm-disclosure.tsx'
import { replyFor } from '~/lib/form-reply.ts'
import type { FormReply } from '~/lib/forms.server.ts'
import { replyMessages } from '~/lib/reply-messages.ts'
import type { ZStageForm } from '~/lib/settings-forms.server.ts'
import { Form, FormErrors } from '../form.tsx'
import { StageFields } from './stage-fields.tsx'

export interface Stage {
  id: string
  name: string
  kind: 'open' | 'won' | 'lost'
  winProbability: number
  requiredFields: string[]
}

const input = 'min-h-11 rounded-md border border-slate-300 bg-white px-2 text-base'
const small =
  'inline-flex min-h-11 min-w-11 items-center justify-center rounded-md border border-slate-300 bg-white px-2 text-sm hover:bg-slate-100 disabled:opacity-40'

export function StageRow({
  stage,
  index,
  stages,
  result,
}: {
  stage: Stage
  index: number
  stages: Stage[]
  /** The page's action answer; this row shows only the replies to its own forms. */
  result: FormReply | undefined
}) {
  const id = (f: string) => `stage-${stage.id}-${f}`
  const row = { name: 'stageId', value: stage.id }
  const targets = stages.filter((s) => s.id !== stage.id && s.kind === stage.kind)
  const [form, fields] = useForm<z.input<typeof ZStageForm>>({
    id: id('settings'),
    lastResult: replyFor(result, 'stage', row),
    defaultValue: { ...stage, stageId: stage.id },
  })
  const moveErrors = replyMessages(replyFor(result, 'move', row))
  const deleteErrors = replyMessages(replyFor(result, 'delete-stage', row))
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
      <FormErrors errors={moveErrors} />
      <Form
        method="post"
        {...getFormProps(form)}
        noValidate
        className="flex flex-col gap-3"
        aria-label={`Settings of ${stage.name}`}
      >
        <input type="hidden" name="intent" value="stage" />
        <input type="hidden" name="stageId" value={stage.id} />
        <FormErrors errors={form.errors} />
        <StageFields
          fields={fields}
          labels={{ name: 'Stage name', kind: 'Kind', winProbability: 'Win probability %' }}
          requiredLegend={`Required to enter ${stage.name}`}
        />
        <div>
          <button type="submit" className={buttonClass.secondary}>
            Save {stage.name}
          </button>
        </div>
      </Form>
      <FormErrors errors={deleteErrors} />
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
