// Bulk change of deals (issue 13, NFR-U5), without JavaScript: the list's bulk form posts here to review
// (the API answers how many deals would change, changing none), this page says exactly what will happen,
// and Confirm posts the same values again to apply them in one transaction. Back on the list a message
// says what was done. The page and the action are every list's (bulk-change.tsx, bulk.server.ts).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { BulkTarget, type BulkTargetChoices, ownerTarget } from '~/components/sales/bulk-target.tsx'
import { BulkChangePage } from '~/components/ui/bulk-change.tsx'
import { requireUser } from '~/lib/auth.server.ts'
import { bulkAction } from '~/lib/bulk.server.ts'
import { bulkBody, ZBulkForm } from '~/lib/bulk-deals.server.ts'
import { ownerChoices } from '~/lib/records.server.ts'
import { listMembers, listProcesses } from '~/lib/sales.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }
export const meta: MetaFunction = () => [{ title: 'Change deals · Aura CRM' }]

/** Nothing to load: the page shows an action's answer. (No redirect here: Remix runs this loader again to
 * render a refused or reviewed post, and a redirect would swallow that answer.) */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context)
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  return bulkAction(request, context, {
    schema: ZBulkForm,
    path: '/deals',
    flash: 'deals',
    noun: ['deal', 'deals'],
    send: (api, form) => api.deals.bulk.$post({ json: bulkBody(form) }),
    describe: async (api, form) => {
      const [members, processes] = await Promise.all([
        listMembers(api, request, context),
        listProcesses(api, request, context),
      ])
      const owner = members.find((m) => m.id === form.assignedUserId)
      const stage = processes
        .flatMap((p) => p.stages.map((s) => ({ ...s, process: p.name })))
        .find((s) => s.id === form.stageId)
      return {
        owner: owner ? (owner.name ?? owner.email) : null,
        stage: stage ? `${stage.name} (${stage.process})` : null,
      }
    },
    targets: { reassign: 'assignedUserId', move: 'stageId' },
    choices: async (api, action, payload): Promise<BulkTargetChoices> => {
      if (action === 'reassign') return ownerTarget(ownerChoices(await listMembers(api, request, context)))
      // A list filtered by process moves within it; otherwise every process's stages, grouped.
      const filter = payload.filter as { processId?: unknown } | undefined
      const processes = (await listProcesses(api, request, context)).filter(
        (p) => !filter?.processId || p.id === filter.processId,
      )
      return {
        field: 'stageId',
        verb: 'Move',
        groups: processes.map((p) => ({
          name: p.name,
          options: p.stages.map((s) => ({ id: s.id, name: s.name })),
        })),
      }
    },
  })
}

function sentence(r: { count: string; what: string; owner?: string | null; stage?: string | null }) {
  if (r.what === 'reassign') return `Reassign ${r.count} to ${r.owner ?? 'the chosen owner'}.`
  if (r.what === 'move') return `Move ${r.count} to ${r.stage ?? 'the chosen stage'}.`
  return `Delete ${r.count}. Deleted deals leave the lists, the board and the totals.`
}

export default function BulkDeals() {
  return (
    <BulkChangePage
      title="Change deals"
      path="/deals"
      noun={['deal', 'deals']}
      result={useActionData<typeof action>()}
      sentence={sentence}
      choose={(choices, which) => <BulkTarget choices={choices} which={which} />}
    />
  )
}
