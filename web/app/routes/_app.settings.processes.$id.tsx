// One sales process (admins): rename, make default, archive, delete (step-up aware), and its stages: add,
// edit (name, kind, win probability, required fields), reorder with up/down, delete moving open deals; and
// the reasons "Lost…" offers on its deals.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormErrors } from '~/components/form.tsx'
import { LostReasons } from '~/components/settings/lost-reasons.tsx'
import { NewStageForm } from '~/components/settings/new-stage-form.tsx'
import { ProcessSettings } from '~/components/settings/process-settings.tsx'
import { StageRow } from '~/components/settings/stage-row.tsx'
import { isStepUp, StepUpForm, type StepUpResult } from '~/components/step-up.tsx'
import { cardClass } from '~/components/ui/card.ts'
import { apiClient } from '~/lib/api.server.ts'
import { replyFor } from '~/lib/form-reply.ts'
import type { FormReply } from '~/lib/forms.server.ts'
import { processAction } from '~/lib/process-actions.server.ts'
import { replyMessages } from '~/lib/reply-messages.ts'
import { requireAdmin } from '~/lib/require-admin.server.ts'
import { must } from '~/lib/sales.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.process.name ?? 'Process'} · Settings · Aura CRM` },
]

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireAdmin(request, context)
  const api = apiClient(request, context)
  const param = { id: params.id ?? '' }
  const [process, reasons] = await Promise.all([
    api.processes[':id'].$get({ param }).then((r) => must(r, request, context)),
    api.processes[':id']['lost-reasons'].$get({ param }).then((r) => must(r, request, context)),
  ])
  return { process, reasons: reasons.data }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireAdmin(request, context)
  return processAction(request, context, params.id ?? '')
}

export default function ProcessPage() {
  const { process, reasons } = useLoaderData<typeof loader>()
  const result = useActionData<FormReply | StepUpResult>()
  const stepUp = isStepUp(result) ? result.stepUp : null
  const reply = isStepUp(result) ? undefined : result
  const rename = replyFor(reply, 'rename')
  const addStage = replyFor(reply, 'add-stage')
  // The forms with a place for their messages show them there (a stage row its own); the process's
  // buttons, and anything else, at the top of the page.
  const placed = ['rename', 'add-stage', 'stage', 'move', 'delete-stage', 'add-reason']
  const pageErrors = placed.includes(String(reply?.initialValue?.intent)) ? undefined : replyMessages(reply)
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <p className="text-sm text-slate-600">
        <Link to="/settings/processes" className="hover:underline">
          Sales processes
        </Link>
      </p>
      <h1 className="text-2xl font-semibold tracking-tight break-words">{process.name}</h1>
      <FormErrors errors={pageErrors} />
      {stepUp && <StepUpForm {...stepUp} submitLabel="Verify and delete process" />}
      <ProcessSettings process={process} lastResult={rename} />
      <section aria-labelledby="stages" className={cardClass}>
        <h2 id="stages" className="text-lg font-semibold">
          Stages
        </h2>
        {process.stages.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">No stages yet: add the first one below.</p>
        ) : (
          <ol className="divide-y divide-slate-100">
            {process.stages.map((stage, index) => (
              <StageRow key={stage.id} stage={stage} index={index} stages={process.stages} result={reply} />
            ))}
          </ol>
        )}
        <NewStageForm lastResult={addStage} />
      </section>
      <LostReasons reasons={reasons} lastResult={replyFor(reply, 'add-reason')} />
    </div>
  )
}
