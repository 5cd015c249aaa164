// One sales process (admins): rename, make default, archive, delete (step-up aware), and its stages: add,
// edit (name, kind, win probability, required fields), reorder with up/down, delete moving open deals.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormError } from '~/components/form.tsx'
import { Notice } from '~/components/notice.tsx'
import { AddStageForm } from '~/components/settings/add-stage-form.tsx'
import { ProcessHeader } from '~/components/settings/process-header.tsx'
import { StageRow } from '~/components/settings/stage-row.tsx'
import { isStepUp, StepUpForm, type StepUpResult } from '~/components/step-up.tsx'
import { cardClass } from '~/components/ui/card.ts'
import { apiClient, readProblem } from '~/lib/api.server.ts'
import type { FormResult } from '~/lib/forms.server.ts'
import { moveStage, stageInput } from '~/lib/process-actions.server.ts'
import { requireAdmin } from '~/lib/require-admin.server.ts'
import { must } from '~/lib/sales.server.ts'
import { type ApiAnswer, withStepUp } from '~/lib/step-up.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.process.name ?? 'Process'} · Settings · Aura CRM` },
]

const NOTICES: Record<string, string> = {
  created: 'Process created. Add its stages below.',
  saved: 'Process saved.',
  default: 'This is now the default process for new deals.',
  archived: 'Process archived.',
  unarchived: 'Process restored.',
  stage: 'Stage saved.',
  added: 'Stage added.',
  moved: 'Stages reordered.',
  'stage-deleted': 'Stage deleted.',
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireAdmin(request, context)
  const api = apiClient(request, context)
  const process = await must(
    await api.processes[':id'].$get({ param: { id: params.id ?? '' } }),
    request,
    context,
  )
  const done = new URL(request.url).searchParams.get('done') ?? ''
  return { process, notice: NOTICES[done] ?? null }
}

type Failure = FormResult & { intent: string }

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireAdmin(request, context)
  const id = params.id ?? ''
  const form = await request.formData()
  const values: Record<string, string> = {}
  for (const [k, v] of form) if (typeof v === 'string' && k !== 'requiredFields') values[k] = v
  const api = apiClient(request, context, values)
  const intent = values.intent ?? ''
  const stageId = values.stageId ?? ''
  const back = (done: string) => redirect(`/settings/processes/${id}?done=${done}`)
  if (intent === 'delete') {
    return withStepUp(
      request,
      context,
      values,
      async () => await api.processes[':id'].$delete({ param: { id } }),
      () => redirect('/settings/processes'),
    )
  }
  const call = async (): Promise<[ApiAnswer | null, string]> => {
    const p = { param: { id } }
    const s = { param: { id, stageId } }
    switch (intent) {
      case 'rename':
        return [
          await api.processes[':id'].$patch({
            ...p,
            json: { name: values.name ?? '', description: values.description?.trim() || null },
          }),
          'saved',
        ]
      case 'default':
        return [await api.processes[':id'].$patch({ ...p, json: { isDefault: true } }), 'default']
      case 'archive':
      case 'unarchive':
        return [
          await api.processes[':id'].$patch({
            ...p,
            json: { archived: intent === 'archive' },
          }),
          `${intent}d`,
        ]
      case 'add-stage':
        return [await api.processes[':id'].stages.$post({ ...p, json: stageInput(form) }), 'added']
      case 'stage':
        return [
          await api.processes[':id'].stages[':stageId'].$patch({
            ...s,
            json: stageInput(form),
          }),
          'stage',
        ]
      case 'move':
        return [await moveStage(api, id, stageId, values.direction ?? ''), 'moved']
      case 'delete-stage':
        return [
          await api.processes[':id'].stages[':stageId'].$delete({
            ...s,
            query: values.moveTo ? { moveTo: values.moveTo } : {},
          }),
          'stage-deleted',
        ]
      default:
        return [null, '']
    }
  }
  const [res, done] = await call()
  // No answer: a move with nowhere to go (done), or an intent this page does not have.
  if (!res)
    return done
      ? back(done)
      : data<Failure>({ intent, formError: 'Unknown action', fieldErrors: {}, values }, { status: 400 })
  if (res.ok) return back(done)
  const problem = await readProblem(res)
  const fieldErrors: Record<string, string> = {}
  for (const e of problem.errors) fieldErrors[e.field.split('.').at(-1) ?? e.field] ??= e.message
  const detail = problem.errors.map((e) => e.message).join('; ')
  return data<Failure>(
    { intent, formError: detail ? `${problem.title}: ${detail}` : problem.title, fieldErrors, values },
    { status: problem.status >= 400 && problem.status < 500 ? problem.status : 502 },
  )
}

export default function ProcessPage() {
  const { process, notice } = useLoaderData<typeof loader>()
  const result = useActionData<Failure | StepUpResult>()
  const stepUp = isStepUp(result) ? result.stepUp : null
  const failure = isStepUp(result) ? undefined : result
  const formFailure = (intent: string) => (failure?.intent === intent ? failure : undefined)
  const pageError =
    failure && !['rename', 'add-stage'].includes(failure.intent) ? failure.formError : undefined
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <p className="text-sm text-slate-600">
        <Link to="/settings/processes" className="hover:underline">
          Sales processes
        </Link>
      </p>
      <h1 className="text-2xl font-semibold tracking-tight break-words">{process.name}</h1>
      {notice && <Notice>{notice}</Notice>}
      <FormError message={pageError} />
      {stepUp && <StepUpForm {...stepUp} submitLabel="Verify and delete process" />}
      <ProcessHeader process={process} failure={formFailure('rename')} />
      <section aria-labelledby="stages" className={cardClass}>
        <h2 id="stages" className="text-lg font-semibold">
          Stages
        </h2>
        {process.stages.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">No stages yet: add the first one below.</p>
        ) : (
          <ol className="divide-y divide-slate-100">
            {process.stages.map((stage, index) => (
              <StageRow key={stage.id} stage={stage} index={index} stages={process.stages} />
            ))}
          </ol>
        )}
        <AddStageForm failure={formFailure('add-stage')} />
      </section>
    </div>
  )
}
